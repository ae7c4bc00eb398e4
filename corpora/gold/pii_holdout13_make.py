"""Write ``pii_holdout13.jsonl``: a thirteenth blind hold-out of names and addresses (issue #8).

Written by hand by h4 of session 11, an engineer who does not change the masking code. The
writer read no file under ``cxtext/``, no resource list, no PII test and none of the README's
error analyses, did not run ``find_pii`` / ``mask_pii`` on these cases and did not score them;
the one look is the code author's, after the code is frozen. This script does not import cxtext.
(One slip, reported on the board: an over-long print showed the writer the first fifteen lines
of hold-out 11's "What changed" list in the README; no case here was written from it.)
338 cases: 259 name spans, 50 address spans, 5 phone spans, 101 look-alike negatives; forms
call 147, chat 65, asr 77, complaint 49.
Only the format was checked: offsets (asserted below), span types, no exact duplicate of a text
and no full name shared with an earlier ``pii_*.jsonl`` (checked by a separate one-off script
that printed only counts and this set's overlapping strings).

**The mix.** About 70 % of the names are ordinary names said in ordinary ways (我叫 / 我是 /
本人, relatives, payees, staff the customer met); the rest are hard but real: names with no cue
word, names that are ordinary words, two- and four-character names, compound surnames,
transliterated and minority names, nicknames (小X, 老X, X姐, X哥, X总, X工, X老师), spelled-out
surnames, names in lists, names said twice, ``X某``. Compared with earlier rounds the set leans
on agent-side turns (work numbers, transfers, call-backs, reading back a customer's details,
collections calls), noisy ASR output (no punctuation, fillers, repeated syllables, homophones),
written complaints with addressee lines and signature blocks, and rural and old-style addresses.

**Labels** follow the README's "Labelling conventions for names": a full name is one span (also
before 先生 / 女士); before a title or form of address and in 小X / 老X the surname alone is the
span; ``X某`` / ``X某某`` -> the surname; a spelled-out surname is one span, and so is the
character repeated after it as 的X; a word that explains a given-name character (山峰的峰) is not
a span; public, historical and fictional figures, brands and shops are not personal data; every
mention of a name is a span. A name broken by a filler in ASR (孙呃立军) is one span from its
first to its last character. An address runs from its first administrative or street element to
its last unit number; a road named for directions without a number, a branch or a place used as
a place is not an address. Mobile numbers are ``phone`` spans (marked, and asserted to be every
``1[3-9]`` + 9-digit run of the text).

Markers: ``〔n:…〕`` name, ``〔a:…〕`` address, ``〔p:…〕`` phone. Run
``python corpora/gold/pii_holdout13_make.py`` to rewrite the file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "pii_holdout13.jsonl"

TYPES = {"n": "name", "a": "address", "p": "phone"}
MARK_RE = re.compile("〔([nap]):([^〕]+)〕")
MOBILE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
FORMS = {"call", "chat", "asr", "complaint"}

# (form, text with inline markers)
RAW: list[tuple[str, str]] = [
    # --- customers give their own name (ordinary) ---
    ("call", "喂你好，我叫〔n:郑丽萍〕，我信用卡这个月账单上多了一笔年费"),
    ("call", "我是〔n:袁志刚〕，我那个房贷提前还款的申请批下来没有"),
    ("chat", "你好，本人〔n:邵婉清〕，昨天在你们APP上买的理财怎么还没显示"),
    ("chat", "我叫〔n:蒋德胜〕，工资卡被冻结了，单位发不了工资"),
    ("call", "对对对我就是〔n:彭秀兰〕本人，卡是我自己办的"),
    ("call", "你好我是〔n:韩立新〕啊，上周来你们网点开过户的"),
    ("call", "我姓〔n:汪〕，叫〔n:汪春生〕，今天早上ATM吞了我的卡"),
    ("asr", "喂喂听得到吗我叫〔n:任国华〕我想问一下我那个贷款今天扣了没有"),
    ("asr", "嗯我是〔n:田桂香〕嗯就是那个我儿子给我办的那个卡"),
    ("call", "我是持卡人〔n:姜红梅〕，刚刚收到一条境外消费的短信，我人在家里"),
    ("call", "你好，我叫〔n:冯建忠〕，你们的人天天打电话催我还款，我已经还了"),
    ("asr", "你好我叫〔n:程丽华〕就是美丽的丽中华的华"),
    ("call", "本人〔n:潘文斌〕，我要挂失一张借记卡"),
    ("asr", "那个我是〔n:余长海〕啊我那个养老金这个月怎么少了两百"),
    ("call", "我叫〔n:崔建平〕，是你们的老客户了，存了十几年了"),
    # --- agents introduce themselves, transfer, call back ---
    ("call", "您好，很高兴为您服务，我是客服专员〔n:杨婧〕，工号20817，请问有什么可以帮您"),
    ("call", "您好，这里是信用卡中心，我是〔n:孟凡超〕，工号31152，请问是〔n:庞淑英〕女士吗"),
    ("call", "您好〔n:鲁〕先生，我是您的客户经理〔n:夏晨阳〕，关于您那笔到期的理财想跟您沟通一下"),
    ("asr", "您好这边是个贷中心我姓〔n:黎〕您叫我小〔n:黎〕就行请问是〔n:钟明辉〕先生本人吗"),
    ("call", "好的，我帮您转接到贷款部的〔n:温婉〕，她负责您这笔业务，请稍等"),
    ("call", "这个问题我这边处理不了，我给您转到投诉专席，〔n:葛〕主管会跟您联系"),
    ("asr", "喂您好我是那个您的理财经理〔n:于澄江〕啊上次您说要赎回那个产品"),
    ("call", "您好我这边是风控部门的，工号18820，我姓〔n:秦〕，您的账户有一笔交易需要核实"),
    ("asr", "喂您好请问是〔n:薛红霞〕吗我这边是信用卡中心的您的账单已经逾期了"),
    ("call", "您好，我是催收专员〔n:石峥〕，工号50931，请问您是〔n:范振国〕先生吗"),
    ("call", "您好，请问是〔n:汤美玲〕女士吗？我们是银行贷后管理部，您上个月的月供还没还"),
    ("asr", "您好是〔n:江永福〕的家属吗我们联系不上他麻烦您转告一下他的贷款逾期了"),
    ("call", "我不是〔n:邹国强〕，我是他老婆，他那个卡欠多少钱啊"),
    ("call", "我把您的情况转给了〔n:房〕经理，他下午两点前给您回电"),
    ("chat", "亲，您好，这边是在线客服〔n:晓彤〕为您服务～"),
    ("asr", "喂你好我是你们行的那个那个〔n:王振东〕客户经理给你打过电话的"),
    ("call", "您好，我这边是〔n:金〕经理的助理，〔n:金〕经理在开会，我让他回您"),
    # --- agents read back a customer's details ---
    ("call", "跟您核对一下，户名〔n:何俊峰〕，〔n:单人何〕，英俊的俊，山峰的峰，对吗"),
    ("call", "好的，我复述一下，持卡人〔n:殷秀珍〕，联系电话〔p:13851762094〕，对吧"),
    ("asr", "好的我跟您确认一下收款人是〔n:骆志强〕志气的志强大的强对吧"),
    ("call", "您的姓名是〔n:龙海燕〕，身份证后四位是0526，我这边核实一下"),
    ("call", "我再确认一遍，借款人〔n:苏立强〕，共同借款人是〔n:苏立强〕的配偶〔n:毛丹〕，对吗"),
    ("call", "先生，您刚才说的是〔n:谭建明〕还是〔n:覃建明〕？是言字旁那个吗"),
    ("call", "好的〔n:贺〕女士，您的邮寄地址是〔a:长沙市岳麓区麓谷大道658号麓谷信息港A座1203〕，对"
             "吗"),
    ("asr", "那我核对一下您的地址啊〔a:湖北省襄阳市樊城区长征路一百二十六号三栋二单元五零二〕对吗"),
    ("call", "嗯好的，收件人〔n:甘霖〕，雨字头的霖，地址〔a:南宁市青秀区民族大道149号〕"),
    ("call", "我跟您念一下卡上的名字，〔n:ZHANG WEIDONG〕，就是〔n:张卫东〕，没错吧"),
    # --- family members and relatives ---
    ("call", "我替我妈问一下，她叫〔n:吕秀英〕，七十多了，卡密码忘了"),
    ("chat", "我老公〔n:段宏伟〕的信用卡是我做的附属卡，他出事了我想停掉"),
    ("call", "我爸〔n:闫福生〕上个月去世了，他卡里的钱我们子女怎么取"),
    ("asr", "就是我那个儿子〔n:严浩〕他在外地上学他的卡我能不能帮他挂失"),
    ("call", "我女儿〔n:孔佳琪〕今年十六岁，能不能给她办一张储蓄卡"),
    ("call", "我弟弟〔n:邱伟〕借了网贷，用的是我的卡，现在他们天天打我电话"),
    ("asr", "我老婆叫〔n:黄淑贞〕她那个卡也是你们行的能不能一起查一下"),
    ("complaint", "我的母亲〔n:戴月娥〕今年82岁，于3月5日在贵行网点被诱导购买了一款保险"),
    ("chat", "我哥〔n:萧子轩〕的房贷是我在还，能不能直接从我卡上扣"),
    ("asr", "嗯对是我姐姐〔n:史小红〕的卡她让我帮她问问那个嗯利息怎么算的"),
    ("asr", "我叔叔叫〔n:明德〕他的卡是我帮他办的"),
    ("call", "我大儿子〔n:贾宇航〕小儿子〔n:贾宇轩〕，两个人的卡都想换成二类户"),
    ("call", "我妻子〔n:祁虹〕上周在你们行存了五万，存单找不到了"),
    # --- payees, payers and counterparties ---
    ("chat", "我给〔n:章建国〕转了两万块，对方说没收到"),
    ("call", "收款人写的是〔n:瞿晓东〕，我写成了〔n:瞿小东〕，钱能退回来吗"),
    ("chat", "对方户名〔n:卞晓霞〕，账号尾号3318，这笔转账能不能撤回"),
    ("complaint", "2月14日本人通过手机银行向〔n:柯美华〕转账8000元，对方称未收到"),
    ("call", "我卖车收的定金，付款人是〔n:阎利民〕，银行说这笔钱被冻结了"),
    ("chat", "转错了，本来要转给〔n:霍文亮〕，结果转到〔n:霍文靓〕那去了"),
    ("asr", "然后他就让我转给那个〔n:米晓峰〕说是他们的那个结算员"),
    ("chat", "我们公司出纳〔n:苗娟〕明天去柜台办代发，要带什么材料"),
    ("call", "单位会计〔n:栾晓梅〕说工资已经打过去了，我卡里没有"),
    ("complaint", "收款方为个体户〔n:施志明〕，经营范围为建材销售，贵行未尽审核义务"),
    # --- staff the customer met ---
    ("call", "你们那个大堂的〔n:黄〕经理态度特别差，我问了两遍他不理我"),
    ("asr", "就是那个〔n:陆〕经理啊个子高高的戴眼镜的他说这个保本的"),
    ("complaint", "贵行城东支行理财经理〔n:牛〕某在销售过程中隐瞒产品风险"),
    ("call", "我找一下你们信贷部的〔n:包〕总，我们约好了今天谈贷款"),
    ("call", "你们营业部的小〔n:邢〕说今天能办好，结果到现在还没好"),
    ("asr", "那个老〔n:魏〕就是〔n:魏〕师傅就是你们那个押运的他跟我说的"),
    ("complaint", "柜员〔n:焦〕某在办理业务时多次离开柜台，让我等了四十分钟"),
    ("call", "你们那个负责我们厂的〔n:滕〕工说设备贷下周放款"),
    ("call", "上午给我办业务的那个小姑娘叫〔n:宁雨桐〕，她帮了我很多"),
    ("asr", "你们那个叫〔n:林可欣〕的理财经理她已经离职了吗我的产品谁来管"),
    ("chat", "大堂经理〔n:窦〕某说不能代办，但上次〔n:窦〕经理自己给我代办过"),
    ("call", "保安老〔n:郝〕人挺好的，帮我把老人扶进去了"),
    ("complaint", "网点负责人〔n:桂〕行长答应三日内答复，至今无人联系本人"),
    # --- complaints: addressee lines and signature blocks ---
    ("complaint", "致XX银行客户服务中心：本人〔n:钱卫国〕，系贵行信用卡持卡人，现就违规收取分期手续"
                  "费一事投诉如下"),
    ("complaint", "尊敬的〔n:黎〕行长：我是贵行十五年的老储户，这次的事情让我非常寒心"),
    ("complaint", "投诉人：〔n:谷春燕〕\n联系电话：〔p:15907186243〕\n被投诉单位：某银行武昌支行"),
    ("complaint", "以上情况属实，请监管部门调查处理。\n投诉人（签字）：〔n:康玉兰〕\n代书人："
                  "〔n:康健〕（投诉人之子）"),
    ("complaint", "联系人：〔n:万志远〕　地址：〔a:江西省南昌市青山湖区北京东路288号3栋2单元401室〕"
                  ""),
    ("complaint", "致国家金融监督管理总局XX监管局：我叫〔n:詹红英〕，现反映某银行违规催收问题"),
    ("complaint", "尊敬的贵行领导：您好！我是〔n:蓝星〕，现就贵行信用卡中心的不当行为进行投诉"),
    ("complaint", "投诉人〔n:阙美玲〕，女，1968年出生，住〔a:福建省三明市沙县区凤岗街道府西路19号〕"
                  ""),
    ("complaint", "委托人：〔n:方宝珠〕\n受托人：〔n:方志诚〕（系委托人之子）\n委托事项：代为办理存"
                  "款挂失及补办"),
    ("complaint", "抄送：银行消费者权益保护部\n投诉人：〔n:冉光荣〕"),
    ("complaint", "请回复至以下地址：〔a:贵州省遵义市红花岗区老城街道杨柳街45号附2号〕，"
                  "〔n:冉光荣〕收"),
    ("complaint", "投诉人：〔n:上官文秀〕的家属〔n:上官明〕"),
    ("complaint", "特此投诉。\n\n〔n:黄〕某某（身份证号已提供给工作人员）\n手机：〔p:18672039415〕"
                  ""),
    ("complaint", "致行长信箱：贵行客户经理〔n:宗浩〕多次未经本人同意查询本人征信，本人〔n:凌燕〕要"
                  "求给予说明"),
    ("complaint", "联系人〔n:查文涛〕（〔n:查〕读zha），电话〔p:13307745182〕"),
    ("complaint", "此致 某银行股份有限公司 投诉人：〔n:司徒家豪〕"),
    ("complaint", "本人〔n:侯德旺〕系贵行借款人〔n:侯小龙〕之父，〔n:侯小龙〕已于去年病故，贵行仍向"
                  "本人催收"),
    ("complaint", "我们一家三口〔n:覃志伟〕、〔n:陆月琴〕、〔n:覃思思〕的账户同时被冻结，贵行未作任"
                  "何说明"),
    ("complaint", "尊敬的消保部〔n:孙〕主任：关于上次电话里说的事，我把材料整理如下"),
    ("complaint", "申诉人：〔n:欧阳文静〕　被申诉人：某银行信用卡中心　申诉事项：撤销不良征信记录"),
    ("complaint", "落款：〔n:井建华〕　二〇二五年三月"),
    # --- ASR: no punctuation, fillers, repetitions, homophones ---
    ("asr", "我叫〔n:孙呃立军〕就是那个立正的立军人的军"),
    ("asr", "那个那个我我是〔n:朱慧敏〕嗯〔n:朱慧敏〕对对就是我"),
    ("asr", "我老伴叫〔n:胡那个胡桂英〕她那个折子上的钱取不出来"),
    ("asr", "嗯就是我姓〔n:冼〕叫〔n:冼嘉莹〕不是洗衣服的洗是两点水的"),
    ("asr", "对啊我叫〔n:毕志宏〕啊志向的志宏伟的宏"),
    ("asr", "客户经理是那个叫什么来着哦对〔n:刘丽娟〕"),
    ("asr", "喂老〔n:钟〕啊我是你们银行的那个小〔n:唐〕啊跟你说一下你那个续存的事"),
    ("asr", "我就找那个〔n:罗艳〕〔n:罗艳〕在不在她上次给我办的"),
    ("asr", "哦名字是〔n:伍立平〕不是〔n:武立平〕"),
    ("asr", "您好您好我是〔n:米娜瓦尔〕嗯我的卡在乌鲁木齐被吞了"),
    ("asr", "就说〔n:谢军〕嘛〔n:谢军〕他都知道的你问他嘛"),
    ("asr", "我是帮那个我们村的〔n:常〕大爷问的他不识字"),
    ("asr", "你们那个〔n:许〕经理〔n:许〕经理电话是多少我找不到了"),
    ("asr", "嗯那个名字是〔n:陈陈静怡〕不对就是〔n:陈静怡〕三个字"),
    # --- names with no cue word, lists, names that are words ---
    ("chat", "〔n:俞静〕〔n:俞晴〕〔n:俞涛〕三个人的卡都是我代办的"),
    ("call", "〔n:向南〕他人在国外，他的卡能不能让我代他销户"),
    ("call", "〔n:白鸽〕跟我说你们这里可以办无抵押贷款"),
    ("call", "〔n:高岭〕、〔n:付新民〕、〔n:乔丽〕，这三个是我们公司的法人和股东"),
    ("chat", "授权人〔n:安澜〕，被授权人〔n:齐飞〕，授权书我拍给你"),
    ("call", "经办人〔n:文彬〕已经到你们网点了，麻烦帮他加个号"),
    ("chat", "〔n:雷震〕和〔n:曾静〕是夫妻，能办一张联名卡吗"),
    ("chat", "名单：〔n:陈永利〕 〔n:蒋晓丹〕 〔n:高志鹏〕 〔n:吴淑华〕，本月代发工资已确认"),
    ("chat", "〔n:张家乐〕是我儿子，他已经成年了，我还能查他的账户吗"),
    # --- compound surnames, transliterated and minority names ---
    ("call", "我叫〔n:欧阳志勇〕，两个字的姓，〔n:欧阳〕"),
    ("call", "户名是〔n:端木雨晴〕，〔n:端木〕是复姓"),
    ("call", "我叫〔n:买买提·艾力〕，我在你们行开了一张卡"),
    ("chat", "收款人〔n:阿依努尔·艾买提〕，转账提示姓名不符，是不是中间那个点的问题"),
    ("call", "我是〔n:扎西次仁〕，在拉萨办的卡，在成都能不能用"),
    ("asr", "我那个嗯我叫〔n:热依汗〕热情的热依靠的依可汗的汗"),
    ("call", "我先生是外国人，叫〔n:大卫·史密斯〕，他能在你们这开户吗"),
    ("call", "我们的客户〔n:金贤宇〕是朝鲜族，证件上的名字带点儿吗"),
    ("chat", "被保险人〔n:夏侯蔓〕的保单，续期扣款没成功"),
    # --- nicknames, titles and forms of address ---
    ("call", "我们老板〔n:邬〕总让我来问一下授信的事"),
    ("chat", "〔n:俞〕姐说你们行的大额存单利率高一点"),
    ("asr", "那个小〔n:甄〕啊就是那个新来的小伙子他给我算错了"),
    ("call", "我是〔n:巫〕老师介绍来的，她说你们这儿可以办教师贷"),
    ("call", "老〔n:贝〕在吗？就是上次给我办贷款那个"),
    ("call", "我们村的〔n:游〕书记帮我们统一办的社保卡"),
    ("asr", "那个〔n:隋〕大姐她跟我一起来的她也要办"),
    ("chat", "小〔n:霍〕你好，上次你给我介绍的那个理财到期了"),
    ("call", "麻烦帮我找一下〔n:蒲〕科长，我们约了今天办公积金贷款"),
    ("call", "〔n:谭〕阿姨你好，我是社区的，来教您用手机银行"),
    ("call", "〔n:郁〕女士，您的卡已经寄出，注意查收"),
    ("chat", "〔n:符〕总的账户今天有一笔大额入账，需要他本人确认"),
    # --- X某 and 某 ---
    ("complaint", "贵行工作人员〔n:沈〕某在电话中辱骂本人"),
    ("complaint", "客户经理〔n:韦〕某某向我推销的产品与合同不符"),
    ("complaint", "经查，收款账户户名为〔n:洪〕某，开户行为贵行某支行"),
    ("chat", "你们那个〔n:姚〕某某什么时候能给我回话"),
    ("complaint", "当天值班的大堂经理〔n:鲍〕某拒绝提供意见簿"),
    ("complaint", "柜员〔n:辛〕某、大堂经理〔n:景〕某均未告知本人风险"),
    # --- spelled-out surnames ---
    ("call", "我姓〔n:弓长张〕，叫〔n:张鹏飞〕"),
    ("asr", "我姓〔n:耳东陈〕的〔n:陈〕叫〔n:陈国栋〕"),
    ("call", "您好请问您贵姓？哦，〔n:立早章〕，好的〔n:章〕先生"),
    ("call", "〔n:草头黄〕的〔n:黄〕，〔n:黄文涛〕"),
    ("call", "我母亲姓〔n:人可何〕，叫〔n:何美珍〕"),
    # --- two-character and four-character names, a name said twice ---
    ("call", "我叫〔n:王琛〕，就两个字"),
    ("call", "我叫〔n:陈思思〕，思想的思，两个思"),
    ("call", "我叫〔n:张王秀英〕，是四个字的名字，两个姓"),
    ("chat", "开户名是〔n:欧阳佩佩〕，你们系统显示成〔n:欧阳佩〕了"),
    ("call", "〔n:杜志明〕，对，〔n:杜志明〕，您再查一下"),
    ("call", "〔n:邱少云〕是我爷爷的名字，不是那个英雄，他的存折要过户"),
    # --- addresses: home, work, mailing, rural, old style ---
    ("call", "我家住在〔a:广东省佛山市顺德区大良街道新桂路38号碧水湾花园6座1702〕"),
    ("chat", "新卡寄到〔a:成都市武侯区科华北路65号世外桃源广场B座905〕，收件人〔n:蒲俊杰〕"),
    ("call", "我的通讯地址改一下，改成〔a:杭州市余杭区五常街道良睦路1399号梦想小镇互联网村11幢〕"),
    ("asr", "我住那个〔a:山东省临沂市兰山区金雀山街道沂蒙路一百零八号〕那个院里"),
    ("call", "我住农村，地址是〔a:河南省周口市郸城县宁平镇后李庄村三组〕"),
    ("asr", "地址就是〔a:安徽省六安市霍邱县城西湖乡沣西村小王庄十二号〕"),
    ("call", "我家在〔a:四川省南充市仪陇县马鞍镇观紫村4组23号〕，能不能寄过来"),
    ("chat", "户籍地址：〔a:湖南省邵阳市新邵县酿溪镇大坪村五组〕"),
    ("call", "我们单位在〔a:天津市河西区友谊路35号城市大厦12层〕"),
    ("complaint", "本人住址：〔a:北京市西城区新街口外大街小西天东里4号楼3门502〕"),
    ("asr", "就在那个〔a:上海市虹口区四平路六百九十弄十二号五零一室〕"),
    ("call", "老地址是〔a:沈阳市铁西区卫工街北五路7-2号〕，那个楼已经拆了"),
    ("call", "我家是〔a:北京市东城区南锣鼓巷福祥胡同17号院〕，老四合院"),
    ("chat", "邮寄地址〔a:西安市碑林区东关正街兴庆巷9号家属院2排3号〕"),
    ("call", "我住〔a:昆明市五华区翠湖南路云大东二院11栋3单元〕"),
    ("asr", "就是〔a:广州市荔湾区多宝路恩宁路口那个永庆坊二巷七号〕"),
    ("complaint", "通讯地址：〔a:江苏省徐州市铜山区张集镇张集村一组45号〕　邮编：221112"),
    ("call", "我妈住在〔a:浙江省温州市瑞安市塘下镇鲍田社区前北村108号〕"),
    ("chat", "我公司地址是〔a:深圳市南山区粤海街道高新南七道数字技术园B1栋4楼〕"),
    ("call", "我现在住〔a:重庆市渝中区解放碑八一路177号〕，原来那个地址不用了"),
    ("asr", "我是〔a:黑龙江省绥化市望奎县灵山满族乡前三村四组〕的我们那没有网点"),
    ("call", "工作单位地址，〔a:武汉市江岸区解放大道1268号〕"),
    ("chat", "把对账单寄到〔a:宁波市鄞州区首南街道天童南路588号宁波商会国贸中心A座22楼〕"),
    ("call", "地址是〔a:石家庄市长安区中山东路39号勒泰中心写字楼2902〕"),
    ("asr", "我家在那个〔a:甘肃省天水市秦州区皂郊镇董家坪村二社〕就是山上"),
    ("complaint", "现居住地：〔a:吉林省长春市朝阳区红旗街道西安大路600号3栋2门301〕"),
    ("call", "好的，寄到〔a:青岛市市南区香港中路76号颐和国际B座〕，前台代收"),
    ("chat", "收货地址：〔a:太原市小店区长风街道学府街120号〕，〔n:阎晓燕〕收"),
    ("call", "我在〔a:厦门市集美区杏林街道杏林湾路168号〕上班"),
    ("asr", "嗯住〔a:江西省赣州市于都县贡江镇长征大道二十三号〕对"),
    ("call", "我老家地址是〔a:河北省邢台市宁晋县凤凰镇东马庄村128号〕"),
    ("chat", "〔a:南京市鼓楼区中央路258号锦盈大厦1506〕，公司地址"),
    ("call", "麻烦把信用卡寄到单位，〔a:合肥市蜀山区长江西路459号〕，〔n:程晓东〕收"),
    ("asr", "那个〔a:海南省海口市美兰区和平大道东侧椰海花园七栋〕对就是那里"),
    ("complaint", "送达地址：〔a:广西壮族自治区柳州市鱼峰区荣军路17号1栋2单元501室〕"),
    ("call", "我住的是〔a:拉萨市城关区北京中路72号〕"),
    ("chat", "发票寄到〔a:兰州市城关区东岗西路482号〕，联系人〔n:蔺海军〕，〔p:17793128406〕"),
    ("call", "我们家是〔a:云南省大理州宾川县金牛镇罗官村委会小罗官村45号〕"),
    ("asr", "老房子就是〔a:苏州市姑苏区平江路大儒巷四十一号〕"),
    ("call", "客户经理，我的住址是〔a:内蒙古呼和浩特市赛罕区大学东街129号〕，你们寄的信我收不到"),
    ("complaint", "邮寄地址为〔a:辽宁省大连市甘井子区红旗西路12号红旗小区9号楼〕，请贵行书面答复"),
    ("call", "我们村在〔a:山西省吕梁市临县三交镇孙家沟村22号〕，你们的人上门来办的"),
    ("asr", "我家是〔a:贵州省毕节市威宁县雪山镇营河村二组〕的那边没有你们的网点"),
    ("chat", "我住〔a:济南市历城区华山街道华山北路2号华山珑城二区16号楼〕，开户的时候写错了"),
]

RAW += [
    # --- more ordinary call-centre and chat cases ---
    ("chat", "我叫〔n:冷静宜〕，我想注销一张不用的信用卡"),
    ("asr", "你好我是〔n:杨长根〕啊我在工地上干活的我那个工资卡里面怎么没有钱"),
    ("call", "我是〔n:徐卫华〕，我被人骗了，转了三万块出去，能不能冻结对方账户"),
    ("asr", "我叫〔n:李秋菊〕啊我是来给我孙子开户的"),
    ("asr", "你好我叫〔n:曹新华〕我是来问那个房贷那个延期的"),
    ("call", "我是〔n:王海峰〕的妻子〔n:林晓雯〕，他出差了委托我办"),
    ("asr", "你好我我叫〔n:陈福来〕我是那个来问低保卡的"),
    ("call", "我是做小生意的〔n:杨建伟〕，想申请一个商户收款码"),
    # --- more agent turns: collections, callbacks, verification ---
    ("call", "您好，我是资产保全部的〔n:肖鹏〕，您名下的信用卡已逾期九十天"),
    ("asr", "喂你好是〔n:潘国庆〕吗我是那个银行的你的那个卡欠款已经三个月了"),
    ("call", "您好，请问您认识〔n:吕志坤〕吗？他留的紧急联系人是您"),
    ("call", "我是委托催收机构的，工号C2241，我姓〔n:宋〕，您欠款的事跟您沟通一下"),
    ("call", "您好〔n:许〕女士，我是上周给您打电话的〔n:骆婷〕，您说的还款计划定下来了吗"),
    ("asr", "您好〔n:韩〕先生是吧我是那个客服中心的您之前反映的问题我们核实了"),
    ("call", "这位客户的情况我跟〔n:尹〕主任报备过了，您放心"),
    ("asr", "是那个〔n:邓〕经理让我给您打的电话他叫〔n:邓浩〕"),
    ("call", "先生，为了核实身份，请您说一下您的全名。好的，〔n:柳明远〕先生"),
    ("asr", "您好请问是不是那个〔n:丁卫东〕〔n:丁〕先生的家我是他的客户经理"),
    ("call", "我们这边的工作人员〔n:边〕某已经被停职调查了"),
    ("asr", "你好我是〔n:倪〕就是上次跟你说那个基金的小〔n:倪〕"),
    # --- more relatives, proxies, inheritance, elderly ---
    ("complaint", "我父亲〔n:柴文斌〕于2024年12月去世，我们兄妹三人持公证书到贵行办理存款继承，被告"
                  "知还需要其他材料"),
    ("call", "我爷爷〔n:孟庆祥〕九十岁了，卧床不起，你们能不能上门办"),
    ("asr", "嗯那个是我妈的卡我妈叫〔n:魏凤琴〕她今年七十三了"),
    ("complaint", "受托人〔n:汤志平〕持委托书为其姑母〔n:汤淑华〕办理业务时被拒"),
    ("call", "我儿媳妇〔n:单丽〕说你们给她打电话要我还钱，我跟这个卡没关系"),
    # --- more staff met and branch episodes ---
    ("complaint", "当天接待本人的客户经理〔n:邹佳慧〕承诺该产品保本保息，并称“跟存款一样”"),
    ("call", "那个叫〔n:马骋〕的客户经理给我推荐的基金亏了三成"),
    ("complaint", "贵行营业部大堂经理〔n:计〕某、保安〔n:孙〕某将本人强行推出营业厅"),
    ("asr", "那个那个〔n:顾〕主任〔n:顾〕主任他说给我们办的"),
    ("chat", "我找〔n:慕容晓月〕，就是你们分行那个做私行的"),
    # --- more hard names ---
    ("call", "我叫〔n:仝鑫〕，人字头下面一个工，三个金的鑫"),
    ("call", "我叫〔n:乌云其木格〕，你们系统名字太长填不进去"),
    ("asr", "嗯我叫〔n:晁立新〕嗯是那个日字头的不是赵钱孙李那个"),
]

# look-alike negatives: no personal data at all
NEGATIVES: list[tuple[str, str]] = [
    # brands and shops on a surname or a full name
    ("chat", "在王老吉的旗舰店买的东西，退款退到哪张卡了"),
    ("call", "我在周大福刷卡买了个金镯子，分期怎么办"),
    ("chat", "老凤祥的金条能在你们这抵押吗"),
    ("call", "李宁专卖店刷了两笔一样的钱"),
    ("asr", "就是在那个张小泉那个剪刀店刷的卡"),
    ("chat", "海底捞的消费能用你们的信用卡积分抵吗"),
    ("call", "在陈李济药店买药刷的医保卡，扣了两次"),
    ("chat", "黄焖鸡米饭那个店的收款码是你们行的吗"),
    ("asr", "我在那个沙县小吃吃饭扫码付了钱没到账"),
    ("call", "杨国福麻辣烫扫码付款多扣了钱"),
    ("chat", "在真功夫吃饭刷卡显示交易失败，钱却扣了"),
    ("call", "老乡鸡的分店能用你们的优惠券吗"),
    ("chat", "全聚德的烤鸭用你们的信用卡能打几折"),
    ("asr", "然后我就去那个华莱士买了个汉堡刷的就是这张卡"),
    ("call", "在老庙黄金买的项链，发票上的金额对不上"),
    ("chat", "张亮麻辣烫的商户收款到账慢"),
    ("call", "我在屈臣氏消费了三百，积分没到"),
    ("chat", "王府井百货的停车费能用信用卡付吗"),
    # dishes and goods
    ("chat", "请问东坡肉那家店的团购券用你们的卡有优惠吗"),
    ("call", "年夜饭定了个宫保鸡丁和麻婆豆腐，刷卡的时候提示额度不足"),
    ("asr", "就是买了一箱那个徐福记的糖刷了两次卡"),
    ("chat", "我买的是左宗棠鸡的预制菜，退款还没到"),
    ("call", "过节单位发的是金龙鱼的油和米"),
    # public, historical and fictional figures in passing
    ("chat", "马云都说了理财要谨慎，你们还一个劲推销"),
    ("call", "电视上钟南山院士说的那个，跟你们银行有关系吗"),
    ("asr", "我又不是孙悟空七十二变我怎么本人到不了场"),
    ("chat", "你们这流程比唐僧取经还难"),
    ("call", "我又不是诸葛亮，怎么知道这个产品会亏"),
    ("chat", "你们的广告是刘德华代言的吧，我就是看了广告办的"),
    ("asr", "就像那个林黛玉一样一天到晚哭哭啼啼的这个客服"),
    ("call", "你们是要把我当成杨白劳啊，天天上门催"),
    ("chat", "雷军发布会那天买的手机，分期手续费怎么算"),
    ("call", "鲁迅说的，世上本没有路，你们这规定也是一样"),
    ("complaint", "贵行客服的态度让人想起了《围城》里的方鸿渐，推来推去"),
    # places used as places, roads for directions, branches
    ("call", "我下个月去张家界旅游，卡在那边能取钱吗"),
    ("chat", "马鞍山有你们的网点吗"),
    ("call", "你们石家庄的分行电话是多少"),
    ("asr", "就是在那个黄山脚下那个自动取款机取的钱"),
    ("call", "你沿着人民路往前走，过了红绿灯右手边就是我们网点"),
    ("chat", "营业部在解放路和中山路交叉口，对面是肯德基"),
    ("call", "建设大道那个支行周六开门吗"),
    ("chat", "请问城西支行和高新支行哪个可以办外汇"),
    ("call", "我是在朝阳门支行开的户，现在想转到海淀支行"),
    ("asr", "那个杨家坪那个网点是不是关了"),
    ("call", "王家湾那边有没有24小时自助银行"),
    ("chat", "我在李家村附近，最近的ATM在哪"),
    ("call", "就在火车站出站口右转那个网点，我排了两个小时"),
    ("chat", "你们总行是在金融街吗"),
    ("call", "从高速口下来往东走五百米有没有你们的网点"),
    ("asr", "我们镇上那个信用社搬到新街上去了吗"),
    # titles, roles, cue words alone
    ("call", "你们行长电话多少，我要找你们领导"),
    ("chat", "你们客户经理是不是换人了"),
    ("call", "我要投诉，把你们主管叫来"),
    ("asr", "那个那个那个经理嗯就是那个大堂的那个他不在吗"),
    ("complaint", "请贵行相关负责人于收到本函后七日内书面答复"),
    ("chat", "收款人姓名我不知道，只有卡号"),
    ("call", "联系人填我自己可以吗"),
    ("call", "您好先生，请问您贵姓"),
    ("chat", "本人已经到了网点，柜员说系统维护"),
    ("complaint", "投诉人信息已在附件中提供，此处不再赘述"),
    ("call", "紧急联系人必须填家人吗"),
    ("asr", "我我我就是本人啊你们还要我证明什么"),
    ("call", "经办人和法人不是同一个人可以吗"),
    ("complaint", "此致\n敬礼"),
    # surnames used as ordinary words
    ("call", "我白跑了一趟，你们说带身份证就行，结果还要户口本"),
    ("chat", "你们这个活动是不是黄了"),
    ("call", "高手在民间，你们的客服还不如我自己查的"),
    ("asr", "我就是问一下那个钱能不能马上到"),
    ("call", "这个卡常年不用，能不能销掉"),
    ("chat", "余额明明够，为什么扣款失败"),
    ("call", "江湖救急，能不能今天就放款"),
    ("chat", "利率是不是又要降了"),
    ("call", "何必搞得这么复杂，直接退给我就完了"),
    ("asr", "那个那个石沉大海一样打了十几次电话没人管"),
    ("chat", "金额是两千五百块，不是两千五十"),
    ("call", "方便的话帮我打一下上个季度的流水"),
    ("chat", "向前一步都不让，你们也太死板了"),
    ("call", "王道就是先把钱退了再说"),
    ("asr", "就是那个那个那个嗯就是那个东西嘛就是就是那个卡"),
    # times, amounts, numbers, 某 after a word
    ("chat", "周三下午三点多的那笔一千二的转账是谁转的"),
    ("call", "2025年1月18日晚上十点那笔消费我没做过"),
    ("call", "尾号8842的那张卡今天被扣了299元"),
    ("chat", "工号30417的客服挂了我的电话"),
    ("complaint", "某银行于某日未经本人同意扣划账户资金"),
    ("call", "某个工作人员跟我说可以免息，我忘了是谁"),
    ("asr", "二零二四年十二月三十一号那天我存了五万八千块"),
    ("chat", "年化百分之二点八五那款还能买吗"),
    ("call", "第三季度的账单怎么是空的"),
    ("complaint", "某某支行在某月某日的处理方式不符合监管要求"),
    # agent-side and written look-alikes
    ("call", "您好，这里是信用卡中心，工号20533为您服务，请问有什么可以帮您"),
    ("call", "好的，我帮您转接到人工专席，请稍等，不要挂机"),
    ("asr", "您好您好这边是那个贷后管理部的请问是机主本人吗"),
    ("call", "跟您核对一下，收款人姓名和您刚才说的一致，对吗"),
    ("call", "麻烦您报一下您的邮寄地址，省市区门牌号都要"),
    ("complaint", "致：某银行股份有限公司消费者权益保护部\n关于信用卡违规收费的投诉"),
    ("complaint", "附件：1.身份证复印件 2.银行流水 3.通话录音"),
    ("chat", "地址那一栏我填的是单位地址，可以吗"),
    ("asr", "就是那个那个村口那个小卖部那个地方有个取款机"),
    ("call", "我们是在中山公园东门那个营业厅办的"),
    ("chat", "你们分行是不是搬到会展中心对面了"),
    ("asr", "那个菜市场门口那个夫妻店的收款码你们能不能查一下"),
]


def parse(form: str, marked: str) -> tuple[str, list[dict]]:
    """Strip the markers of one case; every span's text is asserted against its marker."""
    assert form in FORMS, form
    text, spans, pos = "", [], 0
    for m in MARK_RE.finditer(marked):
        text += marked[pos : m.start()]
        value = m.group(2)
        spans.append({"start": len(text), "end": len(text) + len(value),
                      "type": TYPES[m.group(1)]})
        text += value
        pos = m.end()
        assert text[spans[-1]["start"] : spans[-1]["end"]] == value, marked
    text += marked[pos:]
    assert "〔" not in text and "〕" not in text, marked
    # every mobile number is a marked phone span, and every phone span is a mobile number
    mobiles = {(m.start(), m.end()) for m in MOBILE_RE.finditer(text)}
    phones = {(s["start"], s["end"]) for s in spans if s["type"] == "phone"}
    assert mobiles == phones, marked
    return text, spans


def build() -> list[dict]:
    cases = []
    for form, marked in RAW + NEGATIVES:
        text, spans = parse(form, marked)
        cases.append({"id": f"hold13-{len(cases) + 1:04d}", "text": text, "spans": spans,
                      "form": form, "note": "holdout13"})
    n_pos = len(RAW)
    assert all(c["spans"] for c in cases[:n_pos]), "a positive case without a span"
    assert not any(c["spans"] for c in cases[n_pos:]), "a negative case with a span"
    texts = [c["text"] for c in cases]
    assert len(set(texts)) == len(texts), "duplicate text"
    return cases


def main() -> None:
    cases = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    n_neg = sum(not c["spans"] for c in cases)
    by_type: dict[str, int] = {}
    by_form: dict[str, int] = {}
    for c in cases:
        by_form[c["form"]] = by_form.get(c["form"], 0) + 1
        for s in c["spans"]:
            by_type[s["type"]] = by_type.get(s["type"], 0) + 1
    print(f"{len(cases)} cases, {n_neg} negatives, spans {by_type}, forms {by_form} -> {OUT.name}")


if __name__ == "__main__":
    main()
