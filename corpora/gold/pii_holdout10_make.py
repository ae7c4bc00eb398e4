"""Write ``pii_holdout10.jsonl``: a tenth blind hold-out of names and addresses (issue #8).

The second **independent** hold-out of the name/address rounds: written by hand by an engineer
(h1 of session 9) who does not change the masking code in this round, as hold-out 9 was.
Committed before the code author's code was frozen and never run through ``find_pii`` /
``mask_pii`` by its author; the one look is the code author's, after the code is frozen
(``"holdout10"`` in ``benchmarks/results/pii.json`` once scored). It does not import cxtext.
Only the format was checked (offsets, types, no exact duplicate of a text and no full name of
an earlier ``pii_*.jsonl``).

Like hold-outs 7-9 it is mostly **ordinary bank text**: call-centre turns (customer and agent
speech), online chats, written complaints and ASR output without punctuation, with names where
real transcripts hold them (self-introductions, 户名 / 收款人 / 持卡人 / 经办人, relatives,
colleagues, agents with their work numbers, signatures at the end of complaints, lists, names
as subject or object with no cue) and numbers beside them (amounts, dates, card tails, work
numbers, a few mobile numbers). Surnames vary: common, less common (邝 芮 蒯 郦 眭 桓 濮 邬
揭 佘 庹 訾 …), compound (端木 宇文 长孙 南宫 钟离 呼延 司徒 闻人 第五 上官 欧阳),
everyday-word surnames (江 叶 雷 米 齐 花 云 左 原 冷 查 商 师 解 平 …) and given names that
are ordinary words (江帆, 冷静, 原野, 时光, 严冬, 高尚, 蓝海, 施展, 平安, 花红 …). Negatives
look like they might hold a name or an address and do not: brands and shops on a surname,
public, historical and fictional figures, idioms that hold a historical name, places used as
places, branch and outlet names, job titles and cue words alone, words and product names that
begin with a surname character, dates, amounts and work numbers.

Markers and labelling rules: see ``corpora/gold/_pii_make.py``, hold-outs 4-9 and the README's
"Labelling conventions for names": a full name is one span (also before 先生/女士/本人); before
a title or form of address, in a nickname 老/小 + surname, after 姓 and before 姓 + role, and
in ``X某`` / ``X某某``, the surname alone is the span; 某 alone is not a name; a spelled-out
surname (关耳郑) is a name, the whole spelling one span, and so is the character repeated after
it as 的X; the word that explains a character (纰缪的缪, 鲁迅的鲁) is not a span; public figures
are not personal data (a customer who shares a singer's name is). An address split by commas
or spaces is one span from its first to its last element. Every 11-digit mobile number in a
text (``1[3-9]`` + 9 digits, not inside a longer digit run) is a ``phone`` span, added after
the markers are read.

Run ``python corpora/gold/pii_holdout10_make.py`` to rewrite the file.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _pii_make  # noqa: E402

OUT = HERE / "pii_holdout10.jsonl"
MOBILE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")

# (form, text with inline markers)
RAW: list[tuple[str, str]] = [
    # --- a customer states their own name ---
    ("call", "您好，我叫〔n:邝嘉欣〕，上个月的账单多扣了一笔年费"),
    ("call", "我是〔n:芮志强〕，你们昨天发短信说我的卡快到期了"),
    ("asr", "喂你好我叫〔n:蒯春生〕我那个卡插进去就退出来"),
    ("chat", "你好，本人〔n:郦婉清〕，想咨询一下购汇额度"),
    ("chat", "我叫〔n:眭立新〕，手机银行的转账限额怎么改"),
    ("call", "我姓〔n:缪〕，纰缪的缪，全名叫〔n:缪晓峰〕"),
    ("asr", "我是〔n:桓宇航〕啊我上午去过你们网点"),
    ("chat", "持卡人：〔n:濮静怡〕 尾号2217"),
    ("complaint", "投诉人〔n:邬国平〕，男，贵行储蓄卡客户"),
    ("call", "我叫〔n:江帆〕，长江的江，帆船的帆"),
    ("chat", "我是〔n:叶茂〕，我那笔消费贷批下来没有"),
    ("call", "喂，我〔n:雷霆〕啊，上回说的提额怎么样了"),
    ("asr", "我叫〔n:米乐〕大米的米快乐的乐"),
    ("chat", "本人〔n:齐悦〕，申请注销名下的信用卡"),
    ("call", "对对，我就是〔n:花蕾〕本人"),
    ("chat", "户名〔n:钱满仓〕，帮我看看还差多少没还"),
    ("call", "我叫〔n:牛犇〕，三个牛摞一起那个犇"),
    ("complaint", "申诉人：〔n:揭晓燕〕，女，联系方式见附件"),
    ("asr", "嗯你好我是〔n:佘建军〕建设的建军队的军"),
    ("call", "我叫〔n:云朵〕，云彩的云，花朵的朵"),
    ("chat", "您好我是〔n:储文涛〕，房贷提前还款要预约吗"),
    ("call", "我是户主，名字叫〔n:冀长海〕"),
    ("chat", "姓名：〔n:蔺雪芳〕 身份证正反面已上传"),
    ("asr", "我是〔n:庹鹏〕我转账老是提示对方账户异常"),
    ("call", "是我本人，〔n:雍丽华〕，我自己打的电话"),
    ("complaint", "本人〔n:戚永刚〕，就贵行擅自扣划我存款一事提出投诉"),
    ("call", "我叫〔n:禹辰〕，大禹治水的禹，时辰的辰"),
    ("asr", "你好啊我是〔n:姬晓楠〕我的网银登不进去了"),
    ("chat", "我叫〔n:扈春燕〕，U盾密码忘了怎么办"),
    ("call", "我是〔n:郗文斌〕，麻烦查一下我这张卡是什么状态"),
    ("chat", "您好，我是〔n:端木晓静〕，约了明天上午办房贷面签"),
    ("call", "我叫〔n:宇文泽〕，宇宙的宇，文化的文，泽是沼泽的泽"),
    ("asr", "我是〔n:长孙婷婷〕啊我想问下那个三年定期"),
    ("chat", "本人〔n:南宫浩〕，申请补办存折"),
    ("chat", "我是〔n:钟离秀〕，想开一个二类户"),
    ("call", "我姓〔n:呼延〕，叫〔n:呼延志刚〕"),
    ("chat", "我叫〔n:萬國強〕，信用卡帳單金額不對"),
    ("chat", "户名：〔n:古丽娜·阿不都〕，卡被锁了用不了"),
    ("call", "你好，〔n:訾红霞〕，我刚才打过一次"),
    ("asr", "我叫〔n:水清〕喝水的水清楚的清"),
    ("chat", "我是〔n:左岸〕，昨天申请的账单分期被拒了"),
    ("call", "我叫〔n:王菲〕，跟那个歌手同名同姓，不是她"),
    ("asr", "我叫〔n:龙腾飞〕恐龙的龙腾云驾雾的腾飞机的飞"),
    ("chat", "信息如下：姓名〔n:寿建国〕，卡号尾号0827，申请挂失"),
    ("asr", "嗯我是〔n:邴志刚〕我那个房贷这个月怎么多扣了"),
    # --- agent speech and read-backs ---
    ("agent", "〔n:邵〕女士您好，这里是信用卡中心，请问您现在方便接听吗"),
    ("agent", "您好，我是客服小〔n:蒋〕，工号5102，请问有什么可以帮您"),
    ("agent", "好的〔n:廖〕先生，您的分期申请已经提交了"),
    ("agent", "跟您核对一下，持卡人姓名是〔n:聂婉婷〕，对吗"),
    ("agent", "〔n:袁〕大爷，您别着急，我慢慢跟您说"),
    ("agent", "您好，我是您的理财经理〔n:薛凯文〕，这周有一款新发的产品"),
    ("agent", "〔n:邹〕老师您好，您的公积金贷款已经放款了"),
    ("agent", "我这边是贷款顾问小〔n:熊〕，您之前在网上留过电话"),
    ("agent", "〔n:谭〕师傅，您的新卡已经制好了，可以来网点领"),
    ("agent", "您好〔n:尹〕总，贵公司的回单已经寄出"),
    ("agent", "请问是〔n:魏子豪〕先生吗？这里是贵宾理财中心"),
    ("agent", "〔n:龚〕女士，您的建议我已经记下了，会反馈给相关部门"),
    ("agent", "您好，感谢来电，我是〔n:程诗涵〕，工号8861"),
    ("agent", "〔n:童〕先生，您尾号4406的卡片已经挂失成功"),
    ("agent", "我是网点主任〔n:黎明杰〕，您的情况我都了解了"),
    ("agent", "好的，〔n:甄〕女士，验证码五分钟内有效"),
    ("agent", "您稍等，我请我们的值班经理〔n:项伟东〕来处理"),
    ("agent", "您好，这里是贷后管理中心，请问是〔n:宁海波〕本人吗"),
    ("agent", "〔n:樊〕大姐，您这一期的账单还没还"),
    ("agent", "我是支行的小〔n:蒙〕，您的存单可以来取了"),
    ("agent", "〔n:辛〕先生，您预留的手机号是15927730468吗"),
    ("agent", "〔n:湛〕女士，您的工单号是20241208017，请您记一下"),
    ("agent", "好的老〔n:韦〕，我这就帮您查"),
    ("agent", "您好，我是今天的值班客服〔n:舒心〕，很高兴为您服务"),
    ("agent", "〔n:卓〕经理您好，贵司申请的对公账户已经开通"),
    # --- relatives, in passing ---
    ("call", "我老伴〔n:芦桂珍〕去年走了，她名下那张卡怎么销户"),
    ("chat", "我女儿〔n:单若曦〕在澳洲念书，我想给她汇生活费"),
    ("asr", "我爸叫〔n:滑长贵〕他那个存折我能帮他取吗"),
    ("call", "我儿媳〔n:邸晓红〕说你们一直打她电话"),
    ("chat", "我老公〔n:沙永军〕的工资卡被冻结了"),
    ("call", "我外甥〔n:蓬昊〕拿我的身份证办了张卡"),
    ("asr", "我妈〔n:寇秀兰〕不会用手机我替她问一下"),
    ("chat", "我姐〔n:居佳慧〕的信用卡逾期了，催收打到我这来了"),
    ("call", "我丈母娘〔n:岳凤琴〕想开个养老金账户"),
    ("chat", "我表弟〔n:全胜〕让我帮他问问助学贷款怎么还"),
    ("call", "我外公〔n:柏树林〕的定期存单到期了"),
    ("asr", "我老婆〔n:门晓静〕她那个卡被人盗刷了"),
    ("chat", "我小姨〔n:花红〕在你们行买了理财"),
    ("call", "我孙子〔n:年一鸣〕才五岁，能开个存钱的户吗"),
    ("chat", "婆婆〔n:力秀英〕的存折找不到了，能挂失吗"),
    ("complaint", "我父亲〔n:仲德厚〕年近八旬，被贵行理财经理诱导购买基金"),
    ("call", "我爱人〔n:平安〕今天上班来不了，我替她办行吗"),
    ("asr", "我哥哥〔n:井海涛〕前年借了我八万"),
    ("call", "我家小子〔n:计晨阳〕刚满十六，能办卡吗"),
    ("asr", "我嫂子〔n:韶华〕她的卡也被锁了"),
    ("asr", "我男朋友〔n:伏虎〕他的手机银行一直闪退"),
    ("call", "你打我老公〔n:党卫东〕的电话，18771302956"),
    ("call", "对，我妈叫〔n:雷桂英〕，我叫〔n:雷小军〕，我们俩的卡都是在你们这办的"),
    ("chat", "代理人：〔n:冉立群〕（被代理人〔n:冉福顺〕之子）"),
    ("call", "上礼拜我让我侄子〔n:闫宇〕帮我去取钱，你们柜台的小〔n:付〕说要本人来"),
    # --- payees, amounts, dates, card tails ---
    ("chat", "收款人〔n:鄢梦瑶〕，金额四千二，备注房租"),
    ("call", "给〔n:冼志明〕转账的时候姓名填错了"),
    ("asr", "我转给〔n:阙建华〕六千块他说没收到"),
    ("chat", "对方户名：〔n:匡振东〕，开户行建设银行"),
    ("call", "转到〔n:幸丽君〕账户的钱一直在处理中"),
    ("chat", "汇款人显示〔n:栗小军〕，我不认识这个人"),
    ("call", "上周三给〔n:鲁海鹏〕汇了三万，对方说没到账"),
    ("chat", "〔n:巩佳怡〕 2800元 6月12日 备注借款"),
    ("asr", "那个收款人叫〔n:暴志红〕尾号是三三九一"),
    ("chat", "我要给〔n:师〕老师转学费，她用的是招行的卡"),
    ("call", "本来要转给〔n:乐小宁〕，结果转成了〔n:乐晓宁〕"),
    ("chat", "退款退到了〔n:桑雨萌〕的卡里，那不是我的卡"),
    ("call", "我给〔n:殷〕嫂转了三千块菜钱，她说没收到"),
    ("asr", "转给〔n:钮俊豪〕的一万五能追回来吗"),
    ("chat", "收款方户名〔n:谈静〕，请帮忙核实"),
    ("call", "钱是〔n:符海东〕转过来的，他说转错人了"),
    ("chat", "这个月代发工资里〔n:查志明〕的没发出去"),
    ("asr", "我付给〔n:冉〕师傅的搬家费被退回来了"),
    ("chat", "收款人〔n:劉嘉欣〕，請查一下為什麼被退回"),
    ("chat", "转给〔n:司徒娟〕的钱被退回了，原因是户名不符"),
    ("call", "每个月十五号我要给〔n:向〕阿姨打生活费"),
    ("chat", "〔n:凤〕某 尾号7723 转入5000元，这笔我不认识"),
    ("chat", "你好，我要查一笔转账：3月2日转给〔n:隆晓梅〕，金额12000，对方说没收到"),
    # --- staff, colleagues, signatures ---
    ("complaint", "贵行客服中心员工〔n:郑晓丹〕在电话中态度恶劣"),
    ("complaint", "经办人：〔n:牛建平〕  审核人：〔n:冷静〕"),
    ("chat", "柜员〔n:宗佳〕说今天系统升级办不了"),
    ("call", "我们公司出纳〔n:晏琳〕下午去你们那办网银"),
    ("complaint", "此致 敬礼！投诉人：〔n:苟利民〕 2024年10月21日"),
    ("chat", "你们行的客户经理〔n:贲涛〕调走了吗"),
    ("call", "之前都是〔n:池〕经理帮我办的"),
    ("complaint", "贵行大堂经理〔n:邰晓燕〕擅自替我填写风险测评"),
    ("chat", "〔n:颜〕主任说这个可以减免利息"),
    ("asr", "你们那个姓〔n:商〕的客户经理说利率可以打折"),
    ("complaint", "理财经理〔n:原野〕未如实告知产品风险"),
    ("call", "找一下你们个贷部的〔n:温良〕"),
    ("chat", "我同事〔n:时光〕也办了你们的信用卡"),
    ("complaint", "联系人：〔n:佟雅丽〕，电话13526480917"),
    ("complaint", "特此投诉，望贵行尽快处理。投诉人：〔n:霍红英〕 2024年12月5日"),
    ("chat", "审批单上签字的是〔n:梅〕行长"),
    ("call", "催收的人说他姓〔n:毕〕，说再不还就起诉我"),
    ("complaint", "我单位出纳〔n:敬春梅〕代为签收了银行卡"),
    ("complaint", "经办人〔n:第五强〕未核实本人身份即办理了密码重置"),
    ("asr", "你找〔n:欧阳〕主任就行他管这个"),
    ("chat", "开卡那天的经理叫〔n:闻人雪〕，她说首年免年费"),
    ("complaint", "贵行柜员〔n:厉〕某拒绝为我办理取款"),
    ("chat", "户名显示〔n:杨〕某某，尾号6650，这钱不是我转的"),
    ("complaint", "催收员自称〔n:赖〕某，多次在深夜来电"),
    ("complaint", "客户经理〔n:郝〕某口头承诺年化收益百分之六"),
    ("chat", "联系人〔n:邵星宇〕，电话15038126604"),
    ("chat", "收件人：〔n:尤佳〕 19923470581"),
    ("complaint", "以上情况属实。投诉人签字：〔n:上官一凡〕"),
    ("call", "你们那个工号3390的客服，好像叫〔n:安琪〕，态度很好"),
    ("complaint", "本人于2024年9月12日在贵行城西支行办理业务，柜员〔n:訾〕某拒绝受理，"
                  "一名〔n:谷〕姓经理也未出面协调"),
    ("complaint", "贵行客户经理〔n:荆伟〕及其同事〔n:刁小川〕多次上门推销保险，"
                  "严重影响本人生活。投诉人：〔n:詹佳丽〕"),
    ("asr", "然后那个〔n:杭〕经理就说没问题我就签了后来才知道是保险"),
    # --- no cue: the name as subject or object ---
    ("chat", "〔n:苗雨欣〕的卡被ATM吞了，她让我来问问"),
    ("asr", "〔n:卫东升〕那个贷款是不是还清了"),
    ("call", "〔n:姜海燕〕前天来过一次，说材料不齐"),
    ("chat", "〔n:武彬彬〕今天下午能过来拿卡吗"),
    ("asr", "后来〔n:孟凡宇〕就再也没还过钱"),
    ("call", "麻烦让〔n:申小雨〕来柜台签个字"),
    ("chat", "〔n:严冬〕上次说月底之前给我答复"),
    ("asr", "就是〔n:路长青〕那张卡能不能先停掉"),
    ("call", "〔n:方舒〕不是我家里人，她的卡怎么绑了我的手机"),
    ("chat", "〔n:高尚〕说他已经还清了，叫我别再打了"),
    ("asr", "叫〔n:包明远〕给我回个电话就行"),
    ("chat", "〔n:常欢〕还在你们支行上班吗"),
    ("call", "你去问问〔n:龙翔〕，他清楚是怎么回事"),
    ("chat", "这张卡是〔n:易晓彤〕的，我只是帮她存钱"),
    ("asr", "〔n:金灿〕说他的额度被降了一半"),
    ("chat", "请转告〔n:俞敏〕明天上午带身份证过来"),
    # --- lists ---
    ("chat", "〔n:查丽萍〕、〔n:鲍文杰〕、〔n:车晓宇〕三个人的工资卡都要换新"),
    ("complaint", "当天接待我的是柜员〔n:庄婷〕和大堂经理〔n:汪海〕"),
    ("call", "紧急联系人留了两个，〔n:邓敏〕和〔n:邓斌〕"),
    ("chat", "法人：〔n:葛振华〕，股东：〔n:贝晓东〕、〔n:苏雅琪〕"),
    ("asr", "我和〔n:覃志强〕〔n:覃志勇〕兄弟俩一块来的"),
    ("chat", "保单受益人是〔n:戈美玲〕和〔n:戈子墨〕"),
    ("complaint", "涉事人员：〔n:卢嘉琪〕 〔n:蓝海〕 〔n:尚文博〕"),
    ("call", "家里就我、我老婆〔n:俞晓洁〕和女儿〔n:贾诗琪〕"),
    ("chat", "〔n:马兰〕、〔n:任真〕、〔n:施展〕这几个人的代发失败了"),
    ("call", "开户的是〔n:焦磊〕，签字的是〔n:焦磊〕他哥〔n:焦旭〕"),
    # --- ASR without punctuation ---
    ("asr", "嗯那个我叫〔n:连晓峰〕我想问下我这个月还多少"),
    ("asr", "喂您好请问是〔n:乔雨涵〕女士吗这边是银行贷后中心"),
    ("asr", "我老公叫〔n:鲁大伟〕鲁迅的鲁大小的大伟大的伟"),
    ("asr", "对方叫〔n:茅晓光〕我根本不认识他为什么给我转钱"),
    ("asr", "嗯就是我〔n:管红〕嘛刚刚打过的"),
    ("asr", "我找〔n:裘〕经理〔n:裘〕经理今天在吗"),
    ("asr", "他叫〔n:成功〕成绩的成功劳的功"),
    ("asr", "你好我姓〔n:解〕叫〔n:解放〕"),
    ("asr", "那个钱我转到〔n:祁国栋〕卡上了转错了"),
    ("asr", "嗯嗯对〔n:滕云〕就是我"),
    ("asr", "我是〔n:陶〕啊陶瓷的陶"),
    ("asr", "我叫〔n:宋思佳〕宋朝的宋思想的思佳人的佳"),
    ("asr", "那个我姓〔n:赵〕〔n:走肖赵〕"),
    ("asr", "我姓〔n:子小孙〕啊叫〔n:孙振华〕"),
    # --- spelled-out surnames ---
    ("call", "我姓〔n:关耳郑〕，不是〔n:双人徐〕"),
    ("call", "户名是〔n:草头蒋〕的〔n:蒋〕，〔n:蒋秀芝〕"),
    # --- names and addresses together ---
    ("complaint", "本人〔n:杭立群〕，现住〔a:合肥市蜀山区长江西路88号〕，投诉如下"),
    ("chat", "收件人〔n:邱慧敏〕，〔a:嘉兴市南湖区中山东路1199号〕"),
    ("call", "我叫〔n:鄂志远〕，地址是〔a:徐州市鼓楼区中山北路203号〕"),
    ("chat", "〔a:朝阳区望京街10号院3号楼1206〕，收件人〔n:骆晓丹〕"),
    ("complaint", "投诉人：〔n:冷雪松〕，住址：〔a:沈阳市和平区南京北街206号〕，电话：13304056127"),
    # --- addresses ---
    ("call", "卡寄到〔a:北京市海淀区中关村南大街5号〕"),
    ("chat", "地址：〔a:上海市闵行区莘庄镇春申路1985弄32号401室〕"),
    ("call", "我住〔a:广州市天河区天河北路233号〕"),
    ("chat", "〔a:深圳市南山区粤海街道高新南七道8号〕"),
    ("call", "单位地址是〔a:杭州市西湖区文三路478号〕"),
    ("chat", "我家在〔a:南京市鼓楼区汉中门大街301号3幢2单元601室〕"),
    ("complaint", "本人现住址为〔a:武汉市洪山区珞喻路1037号〕"),
    ("asr", "寄到〔a:成都市武侯区科华北路62号〕"),
    ("call", "〔a:重庆市渝中区民族路166号〕，我在那边上班"),
    ("chat", "收件地址：〔a:西安市雁塔区小寨东路126号〕"),
    ("call", "现在住〔a:长沙市岳麓区麓山南路932号〕"),
    ("chat", "账单寄到〔a:天津市南开区鞍山西道318号〕"),
    ("asr", "我老家是〔a:甘肃省天水市秦安县兴国镇西关村三社〕"),
    ("call", "〔a:河北省保定市莲池区东风中路758号〕"),
    ("chat", "家庭住址：〔a:山西省太原市小店区坞城路92号〕"),
    ("complaint", "通讯地址：〔a:黑龙江省哈尔滨市南岗区西大直街118号〕"),
    ("call", "地址改成〔a:吉林省长春市朝阳区人民大街5988号〕"),
    ("chat", "〔a:贵州省遵义市红花岗区中华南路45号〕"),
    ("call", "寄到〔a:广西南宁市青秀区民族大道136号〕"),
    ("chat", "〔a:海南省海口市美兰区海甸五西路28号〕"),
    ("asr", "我住在〔a:金色家园6号楼1单元702〕"),
    ("chat", "〔a:保利香槟国际9栋2604〕，放门卫就行"),
    ("call", "〔a:恒大名都3期11栋1单元1503〕是我家"),
    ("chat", "住址：〔a:丽景湾小区7幢201室〕"),
    ("call", "就是〔a:梅园新村23幢3单元402〕"),
    ("asr", "我住〔a:建设路十八号院四号楼二单元六零一〕"),
    ("call", "我家是〔a:胜利街二百三十一号〕"),
    ("call", "公司在〔a:滨江区江南大道3850号〕"),
    ("chat", "寄到〔a:福田区深南大道6008号特区报业大厦12楼〕"),
    ("call", "地址是〔a:徐汇区，漕溪北路，88号，1202室〕"),
    ("chat", "〔a:江汉区 解放大道 690号 22楼〕"),
    ("complaint", "户籍地址：〔a:河南省周口市郸城县汲冢镇刘庄村三组〕"),
    ("call", "〔a:安徽省芜湖市镜湖区北京东路8号〕"),
    ("chat", "送货地址〔a:江西省赣州市章贡区文清路56号〕"),
    ("call", "我搬到〔a:青岛市市南区香港中路61号〕了"),
    ("chat", "单位地址：〔a:乌鲁木齐市天山区解放北路80号〕"),
    ("complaint", "本人户籍所在地为〔a:四川省南充市顺庆区五星街37号〕"),
    ("call", "我在〔a:昆明市五华区东风西路182号〕住"),
    ("chat", "地址〔a:常州市天宁区延陵西路23号〕"),
    ("asr", "送到〔a:中山市石岐区孙文中路160号〕就行"),
    ("call", "〔a:北京市东城区南锣鼓巷菊儿胡同7号〕"),
    ("chat", "〔a:上海市静安区愚园路1088弄5号〕，电话13917820453"),
    ("call", "地址就写〔a:温州市鹿城区五马街38号〕"),
    ("asr", "我在〔a:江苏省盐城市东台市富安镇王家村六组〕住"),
    ("chat", "新地址：〔a:张家港市杨舍镇人民中路25号〕"),
    # --- look-alike negatives: brands and shops on a surname ---
    ("negative", "王老吉那箱凉茶是用信用卡积分换的"),
    ("negative", "张小泉的菜刀在积分商城里能兑吗"),
    ("negative", "李宁专卖店刷你们的卡没有优惠"),
    ("negative", "杨国福麻辣烫那笔被扣了两次钱"),
    ("negative", "刘一手火锅的团购券想退款"),
    ("negative", "周黑鸭外卖的钱退回来了吗"),
    ("negative", "王守义十三香的满减活动怎么参加"),
    ("negative", "钟薛高雪糕那笔消费不是我买的"),
    ("negative", "鲍师傅糕点扫码付款失败了"),
    ("negative", "费大厨辣椒炒肉的代金券怎么用"),
    ("negative", "在药店买马应龙药膏刷了信用卡，显示两笔"),
    ("negative", "白象方便面的订单退款到哪张卡了"),
    ("negative", "胡庆余堂买的药刷了医保卡又扣了信用卡"),
    ("negative", "沈大成的青团用云闪付有立减吗"),
    ("negative", "张一元茶庄的礼品卡能绑你们的卡吗"),
    ("negative", "金山毒霸的自动续费能取消吗"),
    ("negative", "在东方财富上买的基金能转到你们这吗"),
    # --- look-alike negatives: public, historical and fictional figures; idioms ---
    ("negative", "刘德华演唱会的门票能用信用卡分期吗"),
    ("negative", "周杰伦新专辑的数字版扣了我两次钱"),
    ("negative", "雷军发布会上说的那款手机能分期吗"),
    ("negative", "马云说的余额宝和你们的理财哪个收益高"),
    ("negative", "李嘉诚都在卖楼了，现在买房贷款合适吗"),
    ("negative", "鲁迅说时间就像海绵里的水，你们能不能快点办"),
    ("negative", "端午节纪念屈原，你们网点放假吗"),
    ("negative", "孙悟空主题的信用卡卡面还能选吗"),
    ("negative", "司马光砸缸都知道要救人，你们倒好，见死不救"),
    ("negative", "你们这是毛遂自荐，没人让你们推销保险"),
    ("negative", "说曹操曹操到，我刚想打你们就打过来了"),
    ("negative", "司马昭之心路人皆知，不就是想让我多买理财"),
    ("negative", "完璧归赵懂不懂，押金到底什么时候退"),
    ("negative", "姜太公钓鱼愿者上钩，这种理财谁买谁上当"),
    ("negative", "我又不是包青天，哪分得清谁对谁错"),
    # --- look-alike negatives: places used as places, branch and outlet names ---
    ("negative", "石家庄有没有你们的分行"),
    ("negative", "下周去周庄玩，外地刷卡要手续费吗"),
    ("negative", "常州那边的网点能办外币兑换吗"),
    ("negative", "我在岳阳出差，卡被ATM吞了"),
    ("negative", "包头分行的电话一直没人接"),
    ("negative", "王府井那个网点周末开门吗"),
    ("negative", "徐家汇附近哪里有存款机"),
    ("negative", "白银市有没有你们的营业部"),
    ("negative", "黄冈那边的房贷利率是多少"),
    ("negative", "许昌分行可以办大额存单吗"),
    ("negative", "解放路支行几点下班"),
    ("negative", "中山北路那个网点已经搬走了吗"),
    ("negative", "建国路支行排队要多久"),
    # --- look-alike negatives: titles, roles and cue words with no name ---
    ("negative", "你们的理财经理从来不回我消息"),
    ("negative", "让你们主管来跟我说"),
    ("negative", "收款人写的是我公司的名字"),
    ("negative", "户名不一致转不过去怎么办"),
    ("negative", "持卡人本人必须到场吗"),
    ("negative", "叫你们经理出来说话"),
    ("negative", "我姓名写错了能改吗"),
    ("negative", "本人已经还清所有欠款"),
    ("negative", "我老伴不会用手机银行"),
    ("negative", "经办人签字那一栏空着"),
    ("negative", "投诉人联系方式见附件"),
    ("negative", "你们行的老客户有没有优惠"),
    ("negative", "快递小哥说卡明天送到"),
    # --- look-alike negatives: words and products that begin with a surname character ---
    ("negative", "马上到期的理财能续存吗"),
    ("negative", "周末能办理开户吗"),
    ("negative", "高利贷的电话天天打给我"),
    ("negative", "黄金积存每个月扣多少"),
    ("negative", "任何时候都能取出来吗"),
    ("negative", "万一手机丢了，绑的卡会被盗刷吗"),
    ("negative", "钱包里的卡全丢了"),
    ("negative", "陆续收到好几条扣款短信"),
    ("negative", "方便的话帮我查一下上个月的流水"),
    ("negative", "杜绝电话推销行不行"),
    ("negative", "白天打客服热线一直占线"),
    ("negative", "江湖救急，能不能先提个额"),
    ("negative", "程序上有问题为什么不早说"),
    ("negative", "华为手机绑卡一直失败"),
    ("negative", "王者荣耀充值被扣了两次钱"),
    ("negative", "张贴在门口的公告说周日不营业"),
    ("negative", "国庆节期间网点营业时间是几点"),
    ("negative", "安心存的利率比定期高吗"),
    ("negative", "金葵花客户要多少资产才够"),
    ("negative", "龙卡通的小额账户管理费能免吗"),
    ("negative", "牡丹卡换成新卡要收费吗"),
    ("negative", "朝朝宝里的钱怎么转出来"),
    ("negative", "薪金煲自动转入能关掉吗"),
    # --- look-alike negatives: dates, amounts, numbers that are not personal data ---
    ("negative", "周五上午到账了一万二"),
    ("negative", "2024年11月8日那笔三千元的消费"),
    ("negative", "尾号3387的卡昨天扣了199元年费"),
    ("negative", "工号6031的那个客服挂我电话"),
    ("negative", "七日年化2.1%的那款还能申购吗"),
    ("negative", "某某单位的代发今天还没到"),
    ("negative", "听说某些银行不收小额账户管理费"),
]


def build() -> list[dict]:
    """The marked cases, plus a ``phone`` span for every mobile number (spans in text order)."""
    cases = _pii_make.build(RAW, prefix="hold10", note="holdout10")
    for case in cases:
        phones = [{"start": m.start(), "end": m.end(), "type": "phone"}
                  for m in MOBILE_RE.finditer(case["text"])]
        if phones:
            case["spans"] = sorted(case["spans"] + phones, key=lambda s: s["start"])
    return cases


def main() -> None:
    _pii_make.write(build(), OUT)


if __name__ == "__main__":
    main()
