"""Write ``pii_holdout12.jsonl``: a twelfth blind hold-out of names and addresses (issue #8).

Written by hand by an engineer (h1 of session 11) who does not change the masking code in
this round, as hold-outs 9-11 were. Its author read no file under ``cxtext/``, no PII test,
no resource list and none of the error analyses while writing it, never ran ``find_pii`` /
``mask_pii`` on these cases and did not score them; the one look is the code author's, after
the code is frozen. The script does not import cxtext. Only the format is checked here
(every offset, the types, the forms, every mobile number marked, no exact duplicate text
and, by a separate check before the commit, no exact text and no full name of an earlier
``pii_*.jsonl``; the spelled-out surnames (弓长张, 木子李 …) and the compound surname 欧阳
alone are fixed forms and do recur in earlier sets).

**The mix.** What a bank's own text holds: about 70 % of the named cases are ordinary names
said in ordinary ways (a customer giving their name, relatives, payees, staff the customer
met, agents introducing themselves or reading a customer's details back); the rest are hard
but real: names with no cue word, given names that are everyday words, two- and
four-character names, compound surnames, Uyghur / Tibetan / Mongolian names, nicknames
(小X / 老X / X姐 / X哥 / X总 / X工 / X老师 / X会计), names spelled out character by
character, names run into the next words in ASR, lists, a name said twice, ``X某`` / ``X某某``
and a given name used alone. Scenarios: credit cards, mortgages, wealth products, fraud,
transfers, inheritance, payroll, small-business loans, ATMs, branch visits, collections
calls, elderly customers and proxies. Forms: ``call`` (call-centre turns, customer or agent,
punctuated), ``chat`` (online chat), ``asr`` (speech recognition output: no punctuation,
fillers 嗯 / 那个 / 就是, repetitions, numbers said in Chinese) and ``complaint`` (written
complaints, letters to the regulator, signatures and form fields). Negatives use the same
four forms; a negative is a case with no span.

Addresses: home, work, mailing, 户籍 and property addresses at the precision bank staff ask
for (province ... road ... number ... building / unit / room; estates; villages and groups;
numbers said in Chinese; addresses split by spaces). Negatives include branch names holding
a road (中山路支行), roads and landmarks named for directions with no number, and places used
as places.

Labelling rules (the README's "Labelling conventions for names" and the earlier hold-outs):
a full name is one span (also before 先生 / 女士 / 本人); before a title or a form of
address, in a nickname 老X / 小X, after 姓 and in ``X某`` / ``X某某`` the surname alone is the
span; 某 alone, 某某 alone and 某 after a word are not names; a spelled-out surname (弓长张)
is a name and the whole spelling is one span; the word that explains a given-name character
(平安的平) is not a span; a given name used alone for a known person is a span; public,
historical and fictional figures and brands built on a name are not personal data. Every
mention of a name is a span, a name said twice included. An address runs from its first
administrative or street element to its last number; one split by spaces is one span from
its first to its last element. Every 11-digit mobile number (``1[3-9]`` + 9 digits, not
inside a longer digit run) is a ``phone`` span; the script asserts that each one is marked.

Markers: ``〔n:…〕`` name, ``〔a:…〕`` address, ``〔p:…〕`` phone. Run
``python corpora/gold/pii_holdout12_make.py`` to rewrite the file.
"""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "pii_holdout12.jsonl"
PREFIX = "hold12"
NOTE = "holdout12"
FORMS = {"call", "chat", "asr", "complaint"}
TYPES = {"n": "name", "a": "address", "p": "phone"}
MARK_RE = re.compile("〔([nap]):([^〔〕]+)〕")
MOBILE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")

# (form, text with inline markers); every case here holds at least one span
CASES: list[tuple[str, str]] = [
    # --- a customer gives their own name ---
    ("call", "你好，我叫〔n:李春燕〕，我这个月的信用卡账单好像多扣了一笔"),
    ("call", "我是〔n:赵国栋〕，昨天下午在你们柜台办的转账到现在还没到"),
    ("asr", "喂你好我叫〔n:王淑芬〕嗯就是我那个存折密码忘了"),
    ("chat", "您好，我是〔n:刘子涵〕，请问一下房贷提前还款怎么预约"),
    ("asr", "我是那个〔n:张德明〕啊就是前天打过电话的那个"),
    ("chat", "我叫〔n:黄思琪〕，刚毕业，工资卡想换成你们银行的"),
    ("call", "对对对，我就是〔n:杨桂香〕本人"),
    ("asr", "我叫〔n:徐永平〕〔n:双人徐〕永远的永平安的平"),
    ("call", "我是〔n:孙丽萍〕，你们那个理财到期了钱怎么没回到卡里"),
    ("chat", "本人〔n:马俊杰〕，申请注销尾号0925的信用卡"),
    ("asr", "嗯我是〔n:胡建军〕那个我想问一下经营贷续贷的事"),
    ("chat", "我是〔n:何子豪〕，绑定的手机号换了，新号是〔p:15067324410〕"),
    ("complaint", "本人〔n:罗素芬〕，系贵行储户，现就贵行工作人员服务态度问题投诉如下"),
    ("asr", "你好我叫〔n:梁文华〕我在你们这办了一个车贷"),
    ("chat", "您好，我叫〔n:郑浩然〕，想开一个对公账户，需要带什么材料"),
    ("asr", "我叫〔n:韩秀英〕今年七十三了我这个卡取不出钱来"),
    ("call", "我是〔n:唐志刚〕，刚才收到短信说我的卡在境外消费了一笔"),
    ("complaint", "投诉人（签名）：〔n:于海波〕    2025年10月9日"),
    ("asr", "那个我是〔n:萧振华〕嗯就是做建材生意的之前在你们这贷过款"),
    ("chat", "我是〔n:程露〕，我的快捷支付被关掉了"),
    ("asr", "我叫〔n:彭宇航〕宇宙的宇航天的航"),
    ("chat", "你好，我叫〔n:蒋文静〕，信用卡逾期了两天会不会上征信"),
    ("call", "我是持卡人〔n:蔡建华〕，卡号后四位6637"),
    ("complaint", "投诉人：〔n:贾玉珍〕，女，71岁，退休教师，贵行二十年的老客户"),
    ("call", "我叫〔n:丁一凡〕，一二三的一，平凡的凡"),
    ("asr", "我是〔n:魏国强〕呃我那个网银转账转错人了"),
    ("asr", "我我叫〔n:阎立军〕我我是想问问那个社保卡怎么激活"),
    ("chat", "本人〔n:熊志强〕，要开收入证明，怎么在网上申请"),
    ("call", "我叫〔n:汪丽娜〕，美丽的丽，娜是女字旁"),
    ("complaint", "举报人：〔n:戴振宇〕，身份证已附后"),
    # --- relatives, proxies, inheritance ---
    ("call", "我是替我爸打的，他叫〔n:王福生〕，卡是他的名字"),
    ("asr", "那个卡是我老公的他叫〔n:刘建平〕他现在在外地回不来"),
    ("chat", "我妈〔n:张秀兰〕的存折丢了，我能代她挂失吗"),
    ("call", "我儿子〔n:赵天宇〕用我的身份证办了一张信用卡，我完全不知道"),
    ("asr", "我爱人叫〔n:孙桂芝〕嗯她的卡也是在你们这办的"),
    ("complaint", "我父亲〔n:李守仁〕于今年3月去世，我作为继承人到贵行办理存款继承，"
                  "网点要求提供的材料过多"),
    ("call", "我母亲〔n:周淑珍〕去世了，她名下的定期怎么取出来"),
    ("chat", "我是〔n:吴志远〕的妻子，他住院了，这个月的房贷能不能晚几天扣"),
    ("asr", "我哥〔n:杨建斌〕他欠你们的钱你们老打我电话干嘛"),
    ("call", "我弟弟叫〔n:黄俊〕，他的卡借给别人用了，现在被冻结了"),
    ("call", "我外婆〔n:林玉英〕八十多了，走不动路，你们能上门办业务吗"),
    ("complaint", "我舅舅〔n:徐长林〕为我的经营贷款做了担保，现在贵行直接扣了他卡里的钱"),
    ("call", "我是〔n:谢丽〕，我老公〔n:高俊驰〕的卡被盗刷了，他在开车让我打的"),
    ("asr", "我闺女〔n:曾雨萱〕嗯她在你们这开的卡现在要销户"),
    ("chat", "孩子的户名是〔n:彭子墨〕，开户的时候我是监护人"),
    ("asr", "我爸叫〔n:邱国华〕我妈叫〔n:蒋月娥〕他俩的卡都是在这开的"),
    ("complaint", "被继承人〔n:钟国良〕生前在贵行存有定期存款两笔，"
                  "继承人为其子〔n:钟晓伟〕、其女〔n:钟敏〕"),
    ("call", "我丈夫〔n:田志勇〕上个月走了，他的工资卡里还有钱"),
    ("asr", "嗯就是我老伴〔n:任秀珍〕她的卡一直是我拿着"),
    ("chat", "收款人是我儿子〔n:范一鸣〕，他在上海上学"),
    ("call", "我老公〔n:国平〕不知道这件事，你们别给他打电话"),
    ("asr", "我们家〔n:庆林〕那个卡是不是欠费了"),
    ("complaint", "我母亲〔n:白淑华〕今年82岁，独自到贵行网点取款，被柜员推销了一份保险"),
    ("chat", "老人叫〔n:金玉梅〕，她的存折能不能由我代取"),
    ("call", "我爸〔n:常德福〕脑梗了说不了话，他卡里的钱怎么取出来看病"),
    ("asr", "我外公那个〔n:钱永寿〕嗯就是他的存款到期了"),
    # --- payees, transfers, fraud ---
    ("chat", "我转给〔n:刘伟东〕的五万块钱能不能撤回来"),
    ("asr", "我本来要转给〔n:张强〕的结果转给了〔n:章强〕名字差一个字"),
    ("complaint", "收款人〔n:陈光耀〕，收款账户为他行账户，金额38000元，系电信诈骗"),
    ("call", "对方自称是公安局的〔n:李〕警官，让我把钱转到安全账户"),
    ("chat", "户名〔n:黄丽君〕，开户行是你们行，帮我查一下这个账户是不是正规的"),
    ("asr", "那个骗子说他叫〔n:赵明〕说是什么投资顾问"),
    ("call", "收款人写的是〔n:孙国庆〕，国庆节的国庆"),
    ("complaint", "诈骗分子冒充贵行客服〔n:周〕经理，称我的信用卡额度可以提升至十万元"),
    ("chat", "我给房东〔n:钱玉芳〕交房租转了三千，显示退回了"),
    ("call", "对方户名显示〔n:吴〕某，卡号后四位8812"),
    ("complaint", "我于2025年9月12日通过手机银行向〔n:何家明〕转账20000元，后发现被骗"),
    ("call", "我的工资是老板〔n:蔡志明〕用他个人卡转给我的"),
    ("call", "上周给〔n:江海〕转了一万块，现在想要一个转账凭证"),
    ("asr", "我要给〔n:冯丽萍〕〔n:冯丽萍〕转五千块钱怎么转不过去"),
    ("chat", "网上认识的〔n:陈浩〕让我下载了一个理财软件，我已经充了六万"),
    ("complaint", "对方以“〔n:刘〕总”身份添加我微信，诱导我向户名为〔n:黄〕某某的账户汇款"),
    ("call", "收款方是〔n:曲美玲〕，她说是做代购的"),
    ("asr", "就是我转给〔n:武海涛〕那一笔你帮我看看到了没有"),
    # --- staff the customer met, in complaints and calls ---
    ("complaint", "贵行城东支行的大堂经理〔n:刘〕某态度恶劣，当众辱骂我"),
    ("complaint", "柜员〔n:张雅琴〕在办理业务时一直在玩手机"),
    ("chat", "上周给我打电话的是〔n:李〕专员，她说三天内回电"),
    ("asr", "那个姓〔n:赵〕的经理说可以办的你们现在又说不行"),
    ("call", "上次接电话的是工号2038的〔n:陈〕小姐"),
    ("complaint", "理财经理〔n:孙晓峰〕在未评估我风险承受能力的情况下向我销售高风险产品"),
    ("call", "我找一下你们信贷部的〔n:杨〕主任"),
    ("complaint", "大堂经理〔n:钱〕某某以排队人多为由拒绝为我办理"),
    ("chat", "你们的客户经理小〔n:马〕给我打过电话，说我的贷款批了"),
    ("call", "我要找〔n:胡〕行长，我跟他约好了的"),
    ("complaint", "经办人：〔n:冯志强〕（工号0812）"),
    ("call", "客户经理是〔n:邓〕经理，〔n:邓伟〕，他电话打不通"),
    ("complaint", "贵行信用卡中心催收员〔n:赵〕某多次在夜间十一点后拨打我的电话"),
    ("asr", "就是那个那个〔n:沈〕经理〔n:沈〕经理他当时是这么说的"),
    ("complaint", "信贷员〔n:严俊〕私下收取我所谓的手续费3000元"),
    ("chat", "理财经理〔n:曹丹〕说这个产品是保本的"),
    ("complaint", "当班柜员〔n:卢〕某、大堂经理〔n:金〕某均未作出任何解释"),
    ("asr", "你们那个保安老〔n:李〕人挺好的帮我弄了半天"),
    ("call", "那天在网点帮我填单子的是小〔n:林〕，一个戴眼镜的女孩"),
    ("complaint", "支行行长〔n:蒋立群〕答应一周内给我答复，至今没有下文"),
    ("asr", "嗯我是找〔n:黎〕经理的那个〔n:黎〕经理在吗"),
    # --- agents: self-introductions, transfers, reading details back ---
    ("call", "您好，很高兴为您服务，我是客服代表〔n:黄婷〕，工号5521"),
    ("call", "我帮您转接到贷款专员〔n:王〕老师那边，请稍等"),
    ("call", "好的〔n:张〕先生，我跟您核对一下信息"),
    ("call", "〔n:刘〕女士您好，您的分期已经办好了"),
    ("asr", "嗯好的那个〔n:陈〕姐您稍等一下我帮您查"),
    ("call", "请问您是〔n:郑文斌〕本人吗？您的信用卡已逾期45天"),
    ("call", "这边跟您核实一下，户名〔n:何秀丽〕，对吗"),
    ("call", "我把您的问题反馈给我们的主管〔n:吴〕经理，今天下班前给您回电"),
    ("asr", "您好请问是〔n:马国强〕〔n:马〕先生吗"),
    ("asr", "您好工号三零一七小〔n:周〕为您服务"),
    ("call", "您好，我是您的专属客户经理〔n:韦丽娜〕"),
    ("asr", "我是工号幺零二三的〔n:秦晓〕很高兴为您服务"),
    ("call", "稍等，我帮您转给负责这块的同事〔n:林晓〕"),
    ("call", "您的名字是〔n:胡玉兰〕，〔n:古月胡〕，玉石的玉，兰花的兰，对吗"),
    ("call", "〔n:孙〕阿姨，您别着急，钱还在您卡上"),
    ("asr", "您好这边是贷后管理部的我姓〔n:常〕请问您是〔n:段志鹏〕的家属吗"),
    ("call", "您好，这里是个人贷款中心，请问〔n:崔海燕〕女士在吗"),
    ("call", "您刚才说的收款人是〔n:方明远〕，方向的方，明天的明，远方的远"),
    ("call", "我是今天的值班经理，我姓〔n:唐〕，您的投诉由我来处理"),
    ("chat", "您好，智能客服为您转接人工，人工客服〔n:莫莉〕为您服务"),
    ("call", "我跟我们〔n:齐〕主管申请了一下，这次的滞纳金可以给您减免"),
    # --- collections calls ---
    ("call", "请问是〔n:吕建波〕吗？这里是信用卡中心，您本期账单还没还"),
    ("asr", "喂你是不是〔n:康宏伟〕你欠的钱什么时候还"),
    ("call", "我不是〔n:姚磊〕，你们打错了，他是我前同事"),
    ("complaint", "贵行委托的催收人员以“〔n:黄〕律师”自称，威胁要起诉我的家人"),
    ("call", "请转告〔n:邵明亮〕，他的贷款已经逾期，请尽快联系我们"),
    ("asr", "我跟〔n:毛振军〕早就离婚了他欠的钱别找我"),
    # --- small business, payroll, loans, guarantees ---
    ("chat", "法人代表〔n:崔振东〕，营业执照已经上传了"),
    ("call", "我们公司的代发工资，出纳是〔n:韩晓雯〕，她那边操作的时候报错"),
    ("complaint", "担保人〔n:夏国平〕已于2024年退出担保，贵行至今仍将其列为担保人"),
    ("asr", "我们店是个体户老板是〔n:蒋〕哥我是帮他来问的"),
    ("chat", "我们财务〔n:孙〕会计明天过去拿回单"),
    ("call", "这个月工资没发，我们厂里〔n:牛〕总说是你们银行的问题"),
    ("asr", "我是做服装批发的在那个市场里面我叫〔n:卓文斌〕"),
    ("complaint", "借款人〔n:温建新〕、共同借款人〔n:温丽〕，贷款合同编号见附件"),
    ("chat", "授权人〔n:应晓东〕，被授权人〔n:应晓丽〕，办理对公账户变更"),
    ("call", "工地上的工资都是包工头老〔n:黄〕统一发的"),
    ("asr", "我们公司是〔n:黄〕工在管这个账"),
    ("call", "我的贷款担保人是〔n:齐家〕，他说他没签过字"),
    # --- ATMs, branch visits, elderly customers ---
    ("call", "我叫〔n:焦玉芬〕，今年七十五了，你们的自助机我不会用"),
    ("asr", "那个〔n:刘〕大爷他的卡插进去就没出来"),
    ("complaint", "本人〔n:车永明〕于10月3日在贵行ATM取款2000元，钞票未吐出但账户已扣款"),
    ("chat", "我是〔n:聂小凤〕的女儿，我妈在你们营业厅排了三个小时的队"),
    ("asr", "嗯我姓〔n:胡〕〔n:古月胡〕今年八十一了"),
    ("call", "老人家叫〔n:章桂珍〕，〔n:立早章〕，她听不清，我替她说"),
    # --- hard but real: names with no cue, everyday-word names, short and long names ---
    ("asr", "〔n:王海燕〕那张卡是我帮她办的"),
    ("chat", "〔n:高明〕的卡为什么被锁了"),
    ("call", "我叫〔n:白帆〕，白色的白，帆船的帆"),
    ("chat", "本人〔n:金秋〕，卡丢了，要补办"),
    ("asr", "我老公叫〔n:高原〕那个卡是他在用"),
    ("call", "收款人是〔n:夏荷〕，夏天的夏，荷花的荷"),
    ("chat", "户名〔n:向前〕，卡号后四位1021"),
    ("call", "我同事〔n:江月〕帮我代还的那笔钱，会不会算成我的"),
    ("complaint", "联系人：〔n:文雅〕"),
    ("asr", "我女儿叫〔n:温暖〕她的卡丢了"),
    ("call", "担保人〔n:林立〕的收入证明还要补吗"),
    ("call", "〔n:邓丽芬〕让我过来拿卡，我是她邻居"),
    ("asr", "然后〔n:罗建国〕就把卡给我了让我帮他取钱"),
    ("chat", "〔n:周芳〕说她给我转了，我这边没看到"),
    ("call", "昨天〔n:杨柳〕来过你们网点吗，她说办好了"),
    ("call", "我叫〔n:欧阳明轩〕，信用卡上的名字拼音好像打错了"),
    ("chat", "持卡人：〔n:司徒敏慧〕，申请补寄账单"),
    ("asr", "我是〔n:上官雨晴〕嗯是复姓"),
    ("complaint", "投诉人：〔n:诸葛建平〕，男，联系电话见下"),
    ("call", "我们公司财务是〔n:欧阳〕经理在管"),
    ("chat", "收款人〔n:端木青〕，系统老提示户名不符"),
    ("call", "户主是〔n:皇甫家豪〕，我是他太太"),
    ("complaint", "投诉人：〔n:陈林美玲〕，香港居民，在贵行深圳分行开户"),
    ("call", "我叫〔n:阿依古丽·吐尔逊〕，卡上的名字中间那个点印丢了"),
    ("asr", "我叫〔n:买买提江〕就是在乌鲁木齐办的卡"),
    ("chat", "我是〔n:扎西平措〕，从拉萨来的，在这边怎么取钱"),
    ("call", "户名是〔n:次仁卓玛〕，四个字"),
    ("asr", "我丈夫叫〔n:苏和巴特尔〕他是蒙古族的"),
    ("complaint", "本人〔n:哈斯其其格〕，蒙古族，不太会写汉字，由女儿代写此信"),
    ("call", "我叫〔n:穆罕默德·阿里木〕，名字太长了系统输不进去"),
    ("chat", "我的中文名〔n:黄大卫〕，护照上是拼音，两个名字对不上"),
    ("call", "我姓〔n:弓长张〕，叫〔n:张敏慧〕"),
    ("call", "我姓〔n:木子李〕，〔n:木子李〕的〔n:李〕"),
    ("chat", "户名是〔n:许芳〕，〔n:言午许〕，芬芳的芳"),
    ("call", "我姓〔n:吕〕，〔n:双口吕〕，你们信上写错了"),
    ("call", "我叫〔n:程建国〕，〔n:禾呈程〕"),
    ("call", "老〔n:孙〕让我跟你们说一声他的卡不用了"),
    ("asr", "小〔n:王〕啊就是之前那个客户经理"),
    ("call", "我找〔n:张〕姐，她是负责我们公司业务的"),
    ("chat", "〔n:李〕哥说这个月的利息已经结了"),
    ("call", "〔n:刘〕总那边的回款还没到"),
    ("asr", "〔n:周〕老师您好我是银行的理财经理"),
    ("call", "〔n:吴〕某某用我的卡在你们网点取走了两万"),
    ("chat", "大堂的〔n:谢〕某让我去隔壁网点办"),
    ("asr", "喂〔n:钱〕老板我是银行的"),
    ("call", "那个〔n:佟〕经理说卡已经寄出去了"),
    ("asr", "我是〔n:郝建伟〕啊〔n:郝建伟〕嗯就是之前那个贷款"),
    ("call", "〔n:万晓丽〕，〔n:万晓丽〕，我的名字你们登记错了"),
    ("asr", "我叫〔n:刘春来〕问一下我的卡"),
    ("asr", "我是〔n:王海洋〕想问一下信用卡分期能不能提前还完"),
    ("asr", "我是帮〔n:林小东〕打的嗯他让我打过来的"),
    ("chat", "〔n:张丽〕、〔n:王涛〕、〔n:李建国〕三个人的工资这个月都没发"),
    ("complaint", "联名账户持有人：〔n:贺俊〕、〔n:贺芳〕"),
    ("call", "共同借款人是我和我爱人〔n:宁远〕"),
    ("asr", "我们三个〔n:王鹏飞〕〔n:赵丽〕还有我都在你们这里买了那个理财"),
    ("chat", "我和〔n:刘芳〕、〔n:陈亮〕一起来办的开户"),
    ("complaint", "同行的〔n:朱大勇〕与〔n:朱小勇〕均可作证"),
    ("call", "〔n:单〕经理上个月已经离职了吗"),
    ("chat", "我叫〔n:仇晓琳〕，第一个字读求"),
    ("call", "我姓〔n:解〕，这个字读第四声，你们叫号的时候念错了"),
    ("asr", "我叫〔n:查明〕嗯第一个字读渣"),
    ("chat", "户名〔n:区志伟〕，第一个字读欧，广东人"),
    ("call", "我是〔n:覃丽梅〕，广西来的，姓比较少见"),
    ("asr", "我姓〔n:晏〕〔n:日安晏〕"),
    ("complaint", "证人：〔n:阚立新〕"),
    ("chat", "持卡人〔n:隋晓峰〕，卡面上的名字磨没了"),
    ("call", "我叫〔n:冼嘉欣〕，嘉奖的嘉，欣喜的欣"),
    # --- addresses, sometimes with names ---
    ("call", "我家地址是〔a:山东省济南市历下区解放东路56号燕山小区5号楼2单元301〕"),
    ("chat", "新的邮寄地址：〔a:广东省广州市天河区天河北路233号中信广场东塔2806室〕"),
    ("asr", "我住在〔a:朝阳区双井街道九龙花园三号楼一单元六零二〕"),
    ("call", "账单寄到〔a:江苏省南京市鼓楼区中山北路105号〕就行"),
    ("complaint", "通讯地址：〔a:湖北省武汉市江岸区后湖大道168号百步亭花园现代城17栋1单元902〕"),
    ("call", "我家在〔a:河南省周口市郸城县汲冢镇王庄村三组〕，我们这里没有网点"),
    ("asr", "我是〔a:四川省南充市营山县骆市镇红岩村五社〕的我叫〔n:何德寿〕"),
    ("call", "信用卡寄到我单位吧，〔a:深圳市南山区科技南十二路2号金蝶软件园B栋5楼〕"),
    ("chat", "地址写的是〔a:成都市武侯区人民南路四段11号附3号〕"),
    ("asr", "寄到〔a:长沙市岳麓区麓山南路九十三号八栋五零一〕"),
    ("chat", "地址：〔a:浙江省宁波市鄞州区 天童南路588号 2幢1703〕 收件人〔n:郑佳琪〕"),
    ("call", "我现在住〔a:西安市雁塔区小寨东路126号百隆广场A座1802〕"),
    ("complaint", "本人住址：〔a:福建省厦门市思明区湖滨南路90号立信广场21层〕"),
    ("asr", "我家是那个〔a:幸福里小区十二栋三单元四楼〕"),
    ("call", "户籍地址是〔a:安徽省阜阳市临泉县城关镇东关街48号〕"),
    ("chat", "请帮我把账单地址改成〔a:天津市南开区鞍山西道312号华苑新城碧华里6-2-401〕"),
    ("call", "我在〔a:海淀区学院路30号〕上班，中午能过去"),
    ("asr", "寄到〔a:昆明市五华区青年路三百八十二号〕那个单位门口"),
    ("complaint", "贵行委托的催收人员于10月5日上门至我家〔a:哈尔滨市道里区安静街57号〕，"
                  "在楼道大声喧哗"),
    ("call", "我老家在〔a:云南省大理州宾川县州城镇西门村委会下川村12号〕"),
    ("chat", "收货地址：〔a:上海市浦东新区张杨路1500弄3号602室〕，〔n:沈佳〕收"),
    ("call", "能不能寄到我老家，〔a:江西省赣州市于都县贡江镇长征大道215号〕"),
    ("complaint", "抵押房产坐落于〔a:重庆市渝北区金开大道1号龙湖MOCO 3栋2304〕"),
    ("call", "抵押的那套房子在〔a:苏州市姑苏区干将西路1288号三元四村25幢303室〕"),
    ("asr", "好的我跟您核对一下地址是〔a:石家庄市长安区中山东路508号东胜广场2单元1103〕对吗"),
    ("chat", "我们店的地址：〔a:郑州市金水区农业路东段19号〕，营业执照上写的也是这个"),
    ("call", "我妈住在〔a:青岛市市北区辽宁路93号〕，离你们哪个网点最近"),
    ("asr", "我家在〔a:广西南宁市武鸣区双桥镇伏唐村那汉坡十五号〕"),
    ("complaint", "寄往〔a:内蒙古呼和浩特市赛罕区大学东街198号师大家属院7号楼〕的信用卡被他人冒领"),
    ("call", "〔a:沈阳市和平区南京北街206号〕，那是我家"),
    ("chat", "地址：〔a:北京市丰台区方庄芳城园一区15号楼1905〕"),
    ("asr", "我住〔a:南京市江宁区东山街道竹山路568号托乐嘉花园二期三十七栋〕"),
    ("asr", "嗯地址是〔a:兰州市城关区东岗西路六百三十八号〕"),
    ("complaint", "联系地址：〔a:海南省海口市美兰区海甸五西路28号〕，邮编570228"),
    ("call", "地址就写〔a:大连市甘井子区红旗西路万科城3期16号楼〕"),
    ("call", "快递寄到〔a:太原市小店区长治路111号山西世贸中心A座〕就行"),
    ("chat", "〔a:广东省 东莞市 南城区 鸿福路200号 第一国际B座 1608〕"),
    ("asr", "他家在〔a:济宁市任城区太白东路一号院五号楼〕"),
    ("call", "〔a:合肥市蜀山区黄山路459号〕是我单位，白天我都在"),
    ("complaint", "催收人员到我父母家〔a:湖南省邵阳市新邵县酿溪镇大坪村四组〕上门，吓到了两位老人"),
    ("chat", "寄到我公司：〔a:南昌市红谷滩区丰和中大道1266号〕，前台代收"),
    ("asr", "我们家在〔a:河北省保定市清苑区臧村镇东顾庄村〕离县城还远着呢"),
    ("call", "您登记的地址是〔a:无锡市梁溪区中山路288号〕，需要修改吗"),
    ("asr", "我现在住我女儿家〔a:佛山市顺德区大良街道碧桂园翠湖苑十八座〕"),
    ("chat", "家庭住址：〔a:吉林省长春市朝阳区西安大路1099号〕"),
    ("call", "房子在〔a:惠州市惠城区江北三新南路22号〕，是商铺"),
    ("complaint", "投诉人：〔n:尹伟民〕  "
                  "住址：〔a:贵州省贵阳市南明区花果园大街1号R1区4栋2单元2703〕"),
    ("asr", "我叫〔n:龙海霞〕住在〔a:凯里市北京东路四十二号〕"),
    ("call", "工作单位是〔a:宁夏银川市金凤区北京中路168号〕，在那边做会计"),
    ("chat", "我老家〔a:黑龙江省绥化市望奎县先锋镇永安村〕，户口还在那"),
    ("call", "麻烦寄到〔a:杭州市余杭区五常街道文一西路998号海创园18幢〕"),
    # --- phones ---
    ("complaint", "投诉人：〔n:周海峰〕  联系电话：〔p:13905718826〕"),
    ("asr", "您留的号码是〔p:18621097735〕对吧我给您发个短信"),
    ("chat", "联系人〔n:鲁小萍〕 电话〔p:17730542286〕"),
    ("complaint", "如有疑问请联系本人，电话〔p:13588014962〕"),
    ("call", "你打我老婆的电话吧，〔p:19951207734〕，她叫〔n:岳红〕"),
]

# (form, text); a negative holds no name, address or number of a person
NEGATIVES: list[tuple[str, str]] = [
    # --- brands, shops and dishes built on a name ---
    ("call", "我在周大福买的金镯子刷的你们的卡，积分没到"),
    ("chat", "超市买了两箱王老吉，怎么扣了两次钱"),
    ("asr", "就是那个张亮麻辣烫那笔消费是我自己的"),
    ("call", "在老乡鸡吃饭刷卡扣了两次"),
    ("chat", "杨国福那笔38块是我吃的，不是盗刷"),
    ("call", "李宁专卖店刷卡为什么没有积分"),
    ("chat", "积分能换九阳豆浆机吗"),
    ("call", "老凤祥的金条能在你们这里回购吗"),
    ("chat", "海底捞的满减优惠是信用卡专享的吗"),
    ("asr", "我在饭店点了个东坡肉结果刷了两次"),
    ("chat", "外卖点的麻婆豆腐和宫保鸡丁，扣了两遍钱"),
    ("call", "王者荣耀充值的那几笔不是我充的，是孩子拿我手机充的"),
    ("complaint", "本人在苏宁易购分期购买的空调，贵行重复收取分期手续费"),
    # --- public, historical and fictional figures in passing ---
    ("asr", "巴菲特都说了不要借钱炒股你们还让我贷款买基金"),
    ("call", "我看新闻上马云说的那个余额宝，跟你们的理财比哪个好"),
    ("complaint", "诸葛亮都没有你们会算，一笔分期算出三种利息"),
    ("chat", "你们广告里用的那个明星照片是正规授权的吗"),
    ("call", "鲁迅说时间像海绵里的水，我在你们网点等了两个小时"),
    ("asr", "你们这服务还说学雷锋呢"),
    ("chat", "孙悟空也翻不出你们这些手续费的花样"),
    # --- titles and roles with no person ---
    ("call", "我要找你们经理，让他来跟我说"),
    ("asr", "叫你们行长出来"),
    ("chat", "刚才那个客服直接挂我电话"),
    ("complaint", "该网点一名女性柜员态度极其恶劣"),
    ("call", "帮我转人工，我要跟你们主管说"),
    ("chat", "小姐姐你好，我想问下分期的事"),
    ("call", "阿姨您慢慢说，不着急"),
    ("asr", "那个老师傅说这张卡要重新办"),
    ("call", "您好女士，您的来电已经转到信用卡专席"),
    ("chat", "请问是本人操作吗"),
    # --- cue words with no name after them ---
    ("call", "我叫了好几次号都没轮到我"),
    ("chat", "户主就是我自己"),
    ("call", "收款人那一栏填错了怎么改"),
    ("asr", "我是本人不是代办的"),
    ("call", "我姓什么跟你们有什么关系"),
    ("chat", "联系人一栏可以不填吗"),
    ("complaint", "投诉人：本人    日期：2025年10月20日"),
    # --- words and products that begin with a surname character ---
    ("call", "高兴得太早了，钱还是没到账"),
    ("chat", "黄金积存怎么赎回"),
    ("asr", "周末能不能办开户"),
    ("call", "方便的话明天上午给我回个电话"),
    ("chat", "钱到底什么时候退回来"),
    ("call", "门口张贴的告示说暂停营业"),
    ("complaint", "于是我又跑了一趟网点，仍然没有办成"),
    ("chat", "何况我每个月都是按时还款的"),
    ("call", "你们的王牌理财产品是哪个"),
    ("asr", "我常年在外地工作卡不方便用"),
    ("chat", "曾经办过一张卡后来注销了还能查到吗"),
    ("call", "马上就到你们网点了，帮我留一下号"),
    ("chat", "孙子的压岁钱能给他开个账户吗"),
    ("call", "白条能用你们的卡还吗"),
    ("chat", "龙卡的积分怎么兑换"),
    ("call", "金卡的年费能免吗"),
    ("chat", "开卡送的毛毯什么时候寄过来"),
    ("call", "老板发工资用的就是你们的卡"),
    ("asr", "我老婆的卡跟我的卡绑在一起了"),
    ("chat", "小程序上的账单跟短信上的不一样"),
    ("call", "小额贷款的利息怎么算"),
    # --- places, branches and roads used as places ---
    ("call", "我在上海出差，卡能在当地取钱吗"),
    ("chat", "人民路那边有你们的网点吗"),
    ("asr", "去解放碑那个网点要不要预约"),
    ("call", "中山路支行几点下班"),
    ("complaint", "南京东路支行排队时间长达两个小时"),
    ("chat", "我从深圳回来以后再去办"),
    ("asr", "在高铁站的那个取款机取钱被吞卡了"),
    ("call", "北京开的卡在天津能用吗"),
    ("chat", "你们建设路那个网点搬到哪里去了"),
    ("call", "浦东机场的外币兑换点是你们银行的吗"),
    ("asr", "我在东莞打工老家是湖南的"),
    ("asr", "就是沙坪坝三峡广场那边那个网点"),
    # --- times, amounts, numbers, 某 and 某某 ---
    ("call", "每月15号还款，这个月晚了一天就收了违约金"),
    ("chat", "三点半以后转账是不是要第二天才到"),
    ("asr", "一共欠了四万三千二"),
    ("call", "工号1086的客服答应给我回电话"),
    ("chat", "利率3.85%是固定的吗"),
    ("complaint", "2024年10月8日的一笔扣款至今未退还"),
    ("call", "第三期账单是不是多算了利息"),
    ("chat", "12楼的理财室在哪里"),
    ("call", "8号窗口的柜员走了没人办"),
    ("chat", "某宝上的客服说是你们银行的"),
    ("complaint", "某某理财平台暴雷后，贵行作为存管行应承担责任"),
    ("asr", "某天晚上突然收到一个验证码"),
    ("call", "一个自称某公司的人打电话让我贷款"),
    # --- agent wording and letters with no person ---
    ("call", "请问您还有其他问题吗"),
    ("call", "您的卡已经挂失成功了"),
    ("chat", "请您核对一下收款人信息再提交"),
    ("call", "稍后会有专员联系您"),
    ("asr", "为了您的资金安全请不要向任何人泄露验证码"),
    ("complaint", "致国家金融监督管理总局：本人就某银行违规收费一事投诉如下"),
    ("complaint", "此致 敬礼"),
]


def parse(marked: str) -> tuple[str, list[dict], list[str]]:
    """Strip the markers: (text, spans, the marked strings in the same order)."""
    text, spans, values, pos = "", [], [], 0
    for m in MARK_RE.finditer(marked):
        text += marked[pos : m.start()]
        value = m.group(2)
        spans.append({"start": len(text), "end": len(text) + len(value),
                      "type": TYPES[m.group(1)]})
        values.append(value)
        text += value
        pos = m.end()
    text += marked[pos:]
    assert "〔" not in text and "〕" not in text, marked
    return text, spans, values


def build() -> list[dict]:
    """Cases first, then negatives; ids ``hold12-0001`` …; every offset asserted."""
    out: list[dict] = []
    for group, must_have_spans in ((CASES, True), (NEGATIVES, False)):
        for form, marked in group:
            assert form in FORMS, (form, marked)
            text, spans, values = parse(marked)
            assert bool(spans) == must_have_spans, marked
            for span, value in zip(spans, values, strict=True):
                assert text[span["start"] : span["end"]] == value, (marked, span, value)
                assert value == value.strip(), (marked, value)
            for a, b in pairwise(spans):
                assert a["end"] <= b["start"], marked
            phones = [(s["start"], s["end"]) for s in spans if s["type"] == "phone"]
            assert phones == [m.span() for m in MOBILE_RE.finditer(text)], marked
            out.append({"id": f"{PREFIX}-{len(out) + 1:04d}", "text": text, "spans": spans,
                        "form": form, "note": NOTE})
    texts = [c["text"] for c in out]
    assert len(set(texts)) == len(texts), "duplicate text"
    return out


def main() -> None:
    cases = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    by_type: dict[str, int] = {}
    for c in cases:
        for s in c["spans"]:
            by_type[s["type"]] = by_type.get(s["type"], 0) + 1
    n_neg = sum(not c["spans"] for c in cases)
    print(f"{len(cases)} cases, {n_neg} negatives, spans {by_type} -> {OUT.name}")


if __name__ == "__main__":
    main()
