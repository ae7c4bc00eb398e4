"""Write ``pii_holdout9.jsonl``: a ninth blind hold-out of names and addresses (issue #8).

The first **independent** hold-out of the name/address rounds: written by hand by an engineer
who does not change the masking code in this round (every earlier hold-out was written by the
engineer who then wrote the code). Committed before that engineer's code was frozen and never
run through ``find_pii`` / ``mask_pii`` by its author; the one look is the code author's, after
the code is frozen (``"holdout9"`` in ``benchmarks/results/pii.json`` once scored). It does not
import cxtext. Only the format was checked (offsets, types, no exact duplicate of a text of an
earlier ``pii_*.jsonl``).

Like hold-outs 7-8 it is mostly **ordinary bank text**: call-centre turns (customer and agent
speech), online chats, written complaints and ASR output without punctuation, with names where
real transcripts hold them (self-introductions, 户名 / 收款人 / 持卡人, relatives, colleagues,
经办人, signatures, lists, names as subject or object with no cue) and numbers beside them
(amounts, dates, card tails, work numbers, a few mobile numbers). Surnames vary: common, less
common (岑 滕 冉 闵 娄 骆 褚 栾 …), compound (欧阳 诸葛 司马 皇甫 令狐 慕容 公孙 夏侯 尉迟
东方), everyday-word surnames (于 向 文 常 高 方 白 金 安 成 时 明 路 连 …) and given names that
are ordinary words (高远, 方舟, 宁可, 许诺, 高洁, 钱进 …). Negatives look like they might hold a
name or an address and do not: brands and shops on a surname, public figures, idioms that hold
a historical name, spelled-out surnames, places used as places, job titles and cue words alone,
words that begin with a surname character, dates and amounts.

Markers and labelling rules: see ``corpora/gold/_pii_make.py`` and hold-outs 4-8: a full name
is one span (also before 先生/女士/本人); before a title or form of address, in a nickname
老/小 + surname, after 姓, and in ``X某`` / ``X某某`` (a name: the convention the code's
author posted for round 9), the surname alone is the span; 某 alone is not a name; a
spelled-out surname (耳东陈) is a name, the whole spelling one span (h1's second
round-9 convention; the coordinator relabelled the file's two such texts, which were first
written as negatives, before any look); the word that explains a character (骆驼的骆) is
not a span;
public figures are not personal data. An address split by commas or spaces is one span from
its first to its last element. Every 11-digit mobile number in a text (``1[3-9]`` + 9 digits,
not inside a longer digit run) is a ``phone`` span, added after the markers are read.

Run ``python corpora/gold/pii_holdout9_make.py`` to rewrite the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _pii_make  # noqa: E402

OUT = HERE / "pii_holdout9.jsonl"

# (form, text with inline markers)
RAW: list[tuple[str, str]] = [
    # --- a customer states their own name ---
    ("call", "您好，我叫〔n:岑晓薇〕，信用卡账单上有一笔不认识的消费"),
    ("call", "我是〔n:滕国栋〕，昨天下午打过一次电话，说好给我回电的"),
    ("asr", "喂喂你好我叫〔n:冉秀琴〕我那个存折上的钱少了"),
    ("chat", "你好，本人〔n:闵浩然〕，想把定期提前取出来"),
    ("chat", "我叫〔n:娄佳琪〕，怎么绑定微信支付"),
    ("call", "我姓〔n:骆〕，骆驼的骆，全名〔n:骆文博〕"),
    ("asr", "我是〔n:苗志刚〕啊刚才那个电话断了"),
    ("chat", "持卡人：〔n:裴雅琴〕 卡片尾号7306"),
    ("complaint", "投诉人〔n:褚建明〕，系贵行借记卡用户"),
    ("call", "我叫〔n:高远〕，高兴的高，远近的远"),
    ("chat", "我是〔n:文华〕，上次买的那个理财到期了吗"),
    ("call", "喂，我〔n:白云飞〕，那个退款怎么还没到"),
    ("asr", "我叫〔n:金宝山〕金子的金宝贝的宝山水的山"),
    ("chat", "本人〔n:方舟〕，申请调高临时额度"),
    ("call", "对，我就是〔n:安宁〕，安全的安，宁静的宁"),
    ("chat", "户名〔n:常胜利〕，帮我查下这个月要还多少"),
    ("call", "我叫〔n:向前进〕，向日葵的向，前后的前，进出的进"),
    ("complaint", "申诉人：〔n:关丽萍〕，女，身份证复印件随附"),
    ("asr", "嗯你好我是〔n:栾宏亮〕宏伟的宏亮光的亮"),
    ("call", "我叫〔n:谷雨〕，山谷的谷，下雨的雨"),
    ("chat", "您好我是〔n:饶志成〕，房贷利率调整的事想咨询一下"),
    ("call", "我是户主，叫〔n:庞德福〕"),
    ("chat", "姓名：〔n:焦艳红〕 证件号码已上传"),
    ("asr", "我是〔n:翟浩〕我刚刚转账一直提示失败"),
    ("call", "是我本人，〔n:詹秀梅〕，不是别人代办的"),
    ("complaint", "本人〔n:柴永红〕，现对贵行信用卡中心的催收方式提出投诉"),
    ("call", "我叫〔n:宫晓东〕，宫殿的宫，东西的东"),
    ("asr", "你好啊我是〔n:窦丽丽〕我的卡被冻住了"),
    ("chat", "我叫〔n:靳朝阳〕，网银盾丢了怎么办"),
    ("call", "我是〔n:鞠红梅〕，帮我看看这张卡还能不能用"),
    ("chat", "您好，我是〔n:欧阳晓峰〕，预约了今天下午开户"),
    ("call", "我叫〔n:诸葛文俊〕，诸葛亮的诸葛"),
    ("asr", "我是〔n:司马婷〕啊我想问下那个大额存单"),
    ("chat", "本人〔n:皇甫志文〕，申请补办借记卡"),
    ("call", "我叫〔n:令狐晨〕，令狐冲的令狐"),
    ("chat", "我是〔n:慕容婉〕，想办一张信用卡"),
    ("call", "我姓〔n:公孙〕，叫〔n:公孙建〕"),
    ("chat", "我是〔n:马骁〕，属马的马，骁勇的骁"),
    ("asr", "我叫〔n:于海洋〕于是的于大海的海洋"),
    ("chat", "我〔n:石磊磊〕，昨天申请的贷款有结果了吗"),
    ("chat", "我叫〔n:黃志偉〕，帳戶被凍結了"),
    ("chat", "户名：〔n:帕提古丽·艾买提〕，卡片激活不了"),
    ("call", "你好，〔n:阚梦洁〕，我上午来过网点"),
    ("asr", "我叫〔n:明朗〕明天的明朗读的朗"),
    # --- agent speech and read-backs ---
    ("agent", "〔n:王〕女士您好，这里是信用卡中心，请问现在方便接听吗"),
    ("agent", "您好，我是客服小〔n:刘〕，工号3307，很高兴为您服务"),
    ("agent", "好的〔n:谢〕先生，您这笔分期已经办好了"),
    ("agent", "跟您确认一下，开户人姓名是〔n:邓雅婷〕，对吗"),
    ("agent", "〔n:林〕阿姨，您先别挂，我帮您转到柜面"),
    ("agent", "您好，我是您的专属客户经理〔n:彭子轩〕"),
    ("agent", "〔n:覃〕老师，您的贷款材料还差一份收入证明"),
    ("agent", "我这边是理财顾问小〔n:潘〕，上周给您打过电话"),
    ("agent", "〔n:罗〕师傅您好，您的卡已经寄出了"),
    ("agent", "您好〔n:钟〕总，对公账户的年检材料我们收到了"),
    ("agent", "请问是〔n:贺晓光〕先生吗？我是银行客服"),
    ("agent", "〔n:曾〕女士，您反映的问题我已经记录了，两个工作日内回复您"),
    ("agent", "您好，欢迎致电，我是〔n:孟晓雨〕，请问有什么可以帮您"),
    ("agent", "〔n:万〕先生，您尾号8812的卡片目前状态正常"),
    ("agent", "我是大堂经理〔n:甘甜〕，您有需要可以找我"),
    ("agent", "好的，〔n:黎〕女士，稍后会有短信通知您"),
    ("agent", "请您稍等，我让我们主管〔n:柯建平〕来跟您说"),
    ("agent", "您好，这里是贷后管理中心，请问是〔n:苏志勇〕本人吗"),
    ("agent", "〔n:包〕大哥，您这个月的还款还没到账"),
    ("agent", "我是营业部的小〔n:黄〕，您的卡到了可以来领"),
    ("agent", "〔n:秦〕先生，您预留的手机号是13598762041吗"),
    ("agent", "〔n:路〕女士，您的投诉单号是20241106003"),
    # --- relatives, in passing ---
    ("call", "我老伴〔n:卜凤英〕上个月走了，她的存款怎么取"),
    ("chat", "我女儿〔n:晏子涵〕在国外读书，想给她汇学费"),
    ("asr", "我爸叫〔n:隋长林〕他那个卡我能帮他挂失吗"),
    ("call", "我儿媳妇〔n:阎秀丽〕说你们打电话催她还款"),
    ("chat", "我丈夫〔n:牟建勇〕的工资卡密码锁了"),
    ("call", "我小舅子〔n:巫海军〕借我的卡去刷了两万"),
    ("asr", "我妈〔n:蓝桂芝〕年纪大了不识字"),
    ("chat", "我哥〔n:喻晨〕的信用卡逾期了，催收老打我电话"),
    ("call", "我岳母〔n:车玉兰〕想办个社保卡"),
    ("chat", "我表妹〔n:宁可〕让我帮她问问助学贷款"),
    ("call", "我爷爷〔n:田有财〕的存单到期了"),
    ("asr", "我老公〔n:成刚〕那个卡被人盗刷了"),
    ("chat", "我姑姑〔n:华丽〕在你们行存了二十万"),
    ("call", "我儿子〔n:时雨〕才八岁能开户吗"),
    ("chat", "婆婆〔n:明秀珍〕的折子丢了，能补吗"),
    ("complaint", "我母亲〔n:古月娥〕年过七旬，被贵行员工诱导购买保险"),
    ("call", "我爱人〔n:路平〕今天来不了，我能代办吗"),
    ("asr", "我弟弟〔n:连海东〕上个月借了我五万"),
    ("call", "我家闺女〔n:席梦〕想办张卡，她刚满十八"),
    ("asr", "我弟媳妇〔n:潘婷婷〕她的卡也用不了"),
    ("asr", "我女朋友〔n:姚瑶〕她的手机银行登不上"),
    ("call", "你打我老婆〔n:刁丽〕的电话，13677105293"),
    # --- payees, amounts, dates, card tails ---
    ("chat", "收款人〔n:邱雨桐〕，金额三千五，备注学费"),
    ("call", "给〔n:敖建新〕转账的时候填错卡号了"),
    ("asr", "我转给〔n:仇立伟〕八千块他说没收到"),
    ("chat", "对方户名：〔n:尚国梁〕，开户行工商银行"),
    ("call", "转账到〔n:耿秀云〕的账户一直显示处理中"),
    ("chat", "汇款人写的是〔n:殷小虎〕，但我不认识这个人"),
    ("call", "上周五给〔n:顾海峰〕汇了五万，到现在没到"),
    ("chat", "〔n:温嘉怡〕 3500元 5月8日 备注还款"),
    ("asr", "那个收款人是〔n:季晓明〕尾号是六六八二"),
    ("chat", "我要给〔n:苏〕老师转补课费，她的卡是农行的"),
    ("call", "代付的时候写成〔n:戴晓峰〕了，其实是〔n:戴小峰〕"),
    ("chat", "退款退到〔n:阮玉婷〕的卡上了，那不是我的卡"),
    ("call", "我给〔n:常〕姐转了房租，她说没到"),
    ("asr", "打给〔n:卢家豪〕的一万二能不能撤回来"),
    ("chat", "收款方户名〔n:邵美琪〕，请核实"),
    ("call", "钱是〔n:江海涛〕打过来的，他说打错了"),
    ("chat", "本月代发名单里〔n:丁俊杰〕的工资没到"),
    ("asr", "我付给〔n:方〕师傅的装修款被退回了"),
    ("chat", "收款人〔n:陳美玲〕，請幫我查一下"),
    ("chat", "转给〔n:夏侯乐〕的钱被退回了"),
    # --- staff, colleagues, signatures ---
    ("complaint", "贵行信用卡中心员工〔n:汤建华〕多次辱骂本人"),
    ("complaint", "经办人：〔n:夏立军〕  复核人：〔n:霍思远〕"),
    ("chat", "柜员〔n:邢雅楠〕让我下周再来"),
    ("call", "我们公司财务〔n:汪敏〕下午过来办对公业务"),
    ("complaint", "此致 敬礼！投诉人：〔n:郁建平〕 2024年9月3日"),
    ("chat", "你们行那个客户经理〔n:翁凯〕还在职吗"),
    ("call", "上次是〔n:向〕经理帮我办的"),
    ("complaint", "贵行员工〔n:景志伟〕在办理业务时泄露我的信息"),
    ("chat", "〔n:樊〕主管说可以免年费的"),
    ("asr", "你们那个姓〔n:莫〕的经理说的利率不是这个"),
    ("complaint", "客户经理〔n:伍晓燕〕未向我说明产品风险"),
    ("call", "找一下你们信贷部的〔n:金涛〕"),
    ("chat", "我同事〔n:成思远〕也在你们行办了这个卡"),
    ("complaint", "联系人：〔n:包俊杰〕，电话13907312856"),
    ("complaint", "特此投诉。投诉人：〔n:凌雪梅〕 2024年11月2日"),
    ("chat", "审批是〔n:白〕经理签的字"),
    ("call", "催收员自称姓〔n:胡〕，说再不还就上门"),
    ("complaint", "我单位会计〔n:房文静〕代我签收了"),
    ("complaint", "经办人〔n:尉迟峰〕未核实身份即办理挂失"),
    ("asr", "你找〔n:东方〕经理就行他管这个"),
    ("chat", "办卡的时候经理是〔n:上官雨〕，她说不收年费"),
    ("complaint", "贵行柜员〔n:阎〕某擅自查询我的征信"),
    ("chat", "户名显示〔n:王〕某，尾号0931，这不是我的卡"),
    ("complaint", "催收人员自称〔n:周〕某，态度极其恶劣"),
    ("complaint", "理财经理〔n:武〕某某口头承诺保本"),
    ("chat", "联系人〔n:陶志刚〕，电话15820936714"),
    ("chat", "收件人：〔n:阚敏〕 18652047719"),
    # --- no cue: the name as subject or object ---
    ("chat", "〔n:陈思琪〕的卡在ATM机上被吞了，她让我来问"),
    ("asr", "〔n:赵一帆〕那笔贷款是不是已经结清了"),
    ("call", "〔n:刘畅〕昨天来过一次，说资料不全"),
    ("chat", "〔n:杨洁〕今天下午能来网点拿卡吗"),
    ("asr", "然后〔n:孙昊天〕就一直没还我钱"),
    ("call", "麻烦通知〔n:黄丽娟〕来签字"),
    ("chat", "〔n:吴倩倩〕上次说这个月会给我答复"),
    ("asr", "就是〔n:郑伟〕那张卡能不能先冻结"),
    ("call", "〔n:周航〕不是我们家的人，他的卡怎么绑在我手机上"),
    ("chat", "〔n:许诺〕说她已经还清了，让我别再打"),
    ("asr", "让〔n:马腾〕给我回个电话就行"),
    ("chat", "〔n:韩露〕还在你们那上班吗"),
    ("call", "你问问〔n:徐明〕，他知道怎么回事"),
    ("chat", "这张卡是〔n:朱娟〕的，我只是帮她取"),
    ("asr", "〔n:何欢〕说她的额度被降了"),
    # --- lists ---
    ("chat", "〔n:吕梓涵〕、〔n:程一鸣〕、〔n:蔡欣然〕三个人的卡都要换"),
    ("complaint", "当天接待我的有柜员〔n:毛丽〕和大堂经理〔n:钱进〕"),
    ("call", "联系人留了两个，〔n:叶磊〕和〔n:叶蕾〕"),
    ("chat", "股东：〔n:侯振宇〕、〔n:贾明辉〕、〔n:夏天宇〕"),
    ("asr", "我跟〔n:孔繁瑞〕〔n:孔繁林〕兄弟俩一起来的"),
    ("chat", "受益人依次为〔n:袁晓梅〕、〔n:袁志〕"),
    ("complaint", "涉事员工：〔n:章伟〕 〔n:施琳〕 〔n:萧逸飞〕"),
    ("call", "家里就我和我老婆〔n:康莉〕还有儿子〔n:钟小宝〕"),
    ("chat", "〔n:石峰〕、〔n:金淼〕、〔n:高洁〕这几个人的代发都失败了"),
    # --- ASR without punctuation ---
    ("asr", "嗯那个我叫〔n:胡文杰〕我想问一下我的额度"),
    ("asr", "喂你好是〔n:林小燕〕吗这里是银行信用卡中心"),
    ("asr", "我老婆叫〔n:梁红〕梁山的梁红色的红"),
    ("asr", "对方叫〔n:严子健〕我也不认识他怎么转给我钱了"),
    ("asr", "嗯就是我〔n:郭红霞〕嘛我刚才打过"),
    ("asr", "我找〔n:唐〕经理〔n:唐〕经理在不在"),
    ("asr", "他叫〔n:范文〕范围的范文化的文"),
    ("asr", "你好我姓〔n:汤〕叫〔n:汤晓东〕"),
    ("asr", "那个钱我转给〔n:杜鹏〕了转错了"),
    ("asr", "嗯嗯对〔n:冯雪〕是我"),
    ("asr", "我是〔n:肖〕啊肖邦的肖"),
    ("asr", "我叫〔n:易安〕容易的易安全的安"),
    # --- names and addresses together ---
    ("complaint", "本人〔n:谌立华〕，住〔a:贵阳市云岩区中华北路289号〕，现投诉如下"),
    ("chat", "收件人〔n:贝晓丹〕，〔a:温州市瓯海区温州大道1号〕"),
    ("call", "我叫〔n:卞志宏〕，地址是〔a:扬州市邗江区文昌西路56号〕"),
    ("chat", "〔a:海淀区知春路63号〕，收件人〔n:鲍海燕〕"),
    # --- addresses ---
    ("call", "卡寄到〔a:北京市丰台区南三环西路16号〕"),
    ("chat", "地址：〔a:上海市杨浦区国定路335号〕"),
    ("call", "我住〔a:广州市海珠区新港中路397号〕"),
    ("chat", "〔a:深圳市宝安区新安街道创业二路28号〕"),
    ("call", "单位地址是〔a:杭州市上城区解放路208号〕"),
    ("chat", "我家在〔a:南京市建邺区江东中路215号5栋1单元902室〕"),
    ("complaint", "本人现住〔a:武汉市武昌区中南路99号〕"),
    ("asr", "寄到〔a:成都市青羊区人民中路二段68号〕"),
    ("call", "〔a:重庆市南岸区南坪西路38号〕，我在那上班"),
    ("chat", "收件地址：〔a:西安市未央区凤城八路101号〕"),
    ("call", "现在住〔a:长沙市雨花区韶山中路421号〕"),
    ("chat", "账单寄到〔a:郑州市金水区纬五路12号〕"),
    ("asr", "我老家在〔a:河南省信阳市光山县孙铁铺镇何店村五组〕"),
    ("call", "〔a:山东省临沂市兰山区北京路37号〕"),
    ("chat", "家庭地址：〔a:江苏省无锡市滨湖区蠡湖大道1800号〕"),
    ("complaint", "通讯地址：〔a:浙江省宁波市海曙区中山西路138号〕"),
    ("call", "地址改到〔a:福建省泉州市丰泽区田安南路536号〕"),
    ("chat", "〔a:湖南省株洲市天元区珠江北路66号〕"),
    ("call", "寄到〔a:广西桂林市七星区七星路45号〕"),
    ("chat", "〔a:云南省大理市下关镇人民南路21号〕"),
    ("asr", "我住在〔a:幸福里小区3号楼2单元501〕"),
    ("chat", "〔a:万科金域华府12栋1803〕，麻烦放快递柜"),
    ("call", "〔a:碧桂园天玺湾8栋2单元1201〕是我的房子"),
    ("chat", "住址：〔a:阳光花园二期5幢302室〕"),
    ("call", "就是〔a:翠苑一区17幢4单元201〕"),
    ("chat", "新家在〔a:绿城桂花园19幢1502〕"),
    ("asr", "我住〔a:东湖路七号院二号楼三单元四零二〕"),
    ("call", "我家是〔a:和平路一百零六号〕"),
    ("call", "公司在〔a:浦东新区世纪大道100号〕"),
    ("chat", "寄到〔a:天河区体育西路191号中石化大厦B塔2705〕"),
    ("call", "地址：〔a:黄浦区，淮海中路，300号〕"),
    ("chat", "〔a:越秀区 环市东路 339号 1508室〕"),
    ("complaint", "户籍地：〔a:安徽省六安市霍邱县城关镇新店村十二组〕"),
    ("call", "〔a:湖北省孝感市孝南区书院街158号〕"),
    ("chat", "送货地址〔a:江西省九江市浔阳区庐山北路88号〕"),
    ("call", "我搬到〔a:大连市甘井子区红旗西路420号〕了"),
    ("chat", "单位地址：〔a:呼和浩特市新城区新华大街63号〕"),
    ("complaint", "本人户籍所在地为〔a:四川省达州市通川区朝阳中路156号〕"),
    ("call", "我在〔a:宁波市江北区人民路132号〕住"),
    ("chat", "地址〔a:苏州市吴中区东吴北路299号〕"),
    ("asr", "送到〔a:佛山市禅城区季华五路22号〕就可以了"),
    ("call", "〔a:东莞市南城区鸿福路106号〕"),
    ("chat", "〔a:厦门市集美区银江路200号〕，电话13860217345"),
    # --- look-alike negatives: brands and shops on a surname ---
    ("negative", "在周生生买的金手镯刷卡能分期吗"),
    ("negative", "超市买李锦记蚝油用的你们的信用卡"),
    ("negative", "张亮麻辣烫扫码扣了两次"),
    ("negative", "杨铭宇黄焖鸡米饭那笔订单退款没到"),
    ("negative", "陈克明挂面是积分商城里换的"),
    ("negative", "在钱大妈买菜用的云闪付，优惠没享受到"),
    ("negative", "徐福记的年货礼盒能用积分兑换吗"),
    ("negative", "曹操出行的车费扣了两遍"),
    ("negative", "谭木匠门店说不能刷你们的卡"),
    ("negative", "汤臣倍健的保健品分期付款还能退吗"),
    ("negative", "江小白那笔消费不是我刷的"),
    ("negative", "吴裕泰茶庄刷卡有积分吗"),
    ("negative", "谢瑞麟买的项链退货了钱还没退回"),
    ("negative", "罗森便利店付款显示银行卡异常"),
    # --- look-alike negatives: public figures, idioms with a historical name ---
    ("negative", "姚明代言的那张信用卡还能办吗"),
    ("negative", "郎朗音乐会的票可以分期吗"),
    ("negative", "买了张艺谋那部电影的票，扣款两次"),
    ("negative", "马化腾说微信转账要收费是真的吗"),
    ("negative", "董明珠直播间买的空调分期"),
    ("negative", "你们这是张冠李戴，把别人的欠款算我头上"),
    ("negative", "三个臭皮匠顶个诸葛亮，我问了好几个人都没搞懂"),
    ("negative", "王婆卖瓜自卖自夸，理财经理说的都是好话"),
    ("negative", "你们客服简直是胡说八道"),
    ("negative", "投了这个基金简直是黄粱一梦"),
    # --- look-alike negatives: spelled-out surnames ---
    # spelled-out surnames: names under the convention h1 posted after this file was first
    # committed (the coordinator relabelled these two before any look; README)
    ("call", "是〔n:三横王〕，不是〔n:草头黄〕"),
    ("call", "〔n:耳东陈〕还是〔n:禾呈程〕，我记不清了"),
    # --- look-alike negatives: places used as places ---
    ("negative", "张家口那边有你们的网点吗"),
    ("negative", "下个月去马鞍山出差，卡在外地能用吗"),
    ("negative", "周口分行的电话打不通"),
    ("negative", "我在秦皇岛旅游，卡被吞了"),
    ("negative", "李沧区有没有24小时自助银行"),
    ("negative", "武侯祠旁边那个营业厅几点关门"),
    ("negative", "黄山风景区门票刷卡打折吗"),
    ("negative", "余杭那个网点排队太久了"),
    # --- look-alike negatives: titles, roles and cue words with no name ---
    ("negative", "你们的客户经理一直不接电话"),
    ("negative", "我要找你们行长投诉"),
    ("negative", "那个柜员态度太差了"),
    ("negative", "大堂经理让我在这里排队"),
    ("negative", "快递小哥说明天送卡上门"),
    ("negative", "装修师傅要求我付现金"),
    ("negative", "我叫了半天也没人理我"),
    ("negative", "我是想问一下利率怎么算"),
    ("negative", "收款人是我自己的另一张卡"),
    ("negative", "户名和账号我都核对了三遍"),
    ("negative", "我爱人不同意我办这个"),
    ("negative", "本人不在场能代办吗"),
    ("negative", "我跟你们领导反映过了"),
    # --- look-alike negatives: words that begin with a surname character ---
    ("negative", "京东白条能不能用你们的卡还"),
    ("negative", "余额宝转出到卡里要多久"),
    ("negative", "周转不过来了，能不能延期还款"),
    ("negative", "高峰期排队要多久"),
    ("negative", "还款方式我选的是自动还款"),
    ("negative", "金融消费者权益保护热线是多少"),
    ("negative", "时间太长了，我等不了"),
    ("negative", "成本价买的黄金能回收吗"),
    ("negative", "关闭小额免密怎么操作"),
    ("negative", "车贷提前还清有违约金吗"),
    ("negative", "强制扣款之前都不通知一下"),
    ("negative", "代扣水费的协议怎么取消"),
    ("negative", "双倍积分活动什么时候结束"),
    ("negative", "原来的卡号还能用吗"),
    ("negative", "从来没收到过账单"),
    ("negative", "安全验证一直失败"),
    ("negative", "明天早上九点能取钱吗"),
    ("negative", "连续三个月都扣了年费"),
    ("negative", "文明用语你们客服会不会"),
    ("negative", "钱存你们这也不能高枕无忧啊"),
    # --- look-alike negatives: dates, amounts, numbers that are not personal data ---
    ("negative", "周三下午两点到账了三千二"),
    ("negative", "2024年3月15日那笔一万元的转账"),
    ("negative", "尾号5086的卡昨天扣了399元"),
    ("negative", "工号2096的客服挂了我电话"),
    ("negative", "年化3.85%的那款还能买吗"),
    ("negative", "某某公司的代发工资今天没到"),
    ("negative", "听说某银行的利率更高"),
]


def build() -> list[dict]:
    """The marked cases, plus a ``phone`` span for every mobile number (spans in text order)."""
    return _pii_make.add_phones(_pii_make.build(RAW, prefix="hold9", note="holdout9"))


def main() -> None:
    _pii_make.write(build(), OUT)


if __name__ == "__main__":
    main()
