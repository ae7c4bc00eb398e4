"""Write ``pii_holdout3.jsonl``: a third blind hold-out of names and addresses (issue #8).

Written by hand and committed **before** any masking code was changed for this round, and
scored once at the end (``"holdout3"`` in ``benchmarks/results/pii.json``). It does not import
cxtext, and it was not run through ``find_pii`` while the rules were being changed. Hold-out 2
became development data when this set was written.

Each case is a sentence in bank call / chat / complaint wording with its PII marked inline as
``〔n:张伟〕`` (name) or ``〔a:…〕`` (address); the markers are stripped and the offsets kept.
Labelling follows the earlier sets: a full name is one span (surname + given name); a surname
before a form of address or a job title is a span on its own (``〔n:王〕经理``); an address
runs from the first administrative or street element to the last unit number. Negatives
(``form="negative"``) hold words that look like names or addresses but are not personal data:
place names used as places, branch and outlet names, products, words that begin with a
surname character, cue words with no name after them.

Run ``python corpora/gold/pii_holdout3_make.py`` to rewrite the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _pii_make  # noqa: E402

OUT = HERE / "pii_holdout3.jsonl"

# (form, text with inline markers)
RAW: list[tuple[str, str]] = [
    # --- names: self-introduction ---
    ("call", "您好，我叫〔n:龚晓玲〕，想咨询一下房贷提前还款"),
    ("call", "我是〔n:冉德胜〕，上周来电说过卡被冻结的事"),
    ("call", "你好我姓〔n:鞠〕，鞠躬的鞠"),
    ("chat", "我叫〔n:芦一诺〕，手机银行登不上去"),
    ("call", "本人〔n:涂建勋〕，要求撤销这笔分期"),
    ("call", "我是户主〔n:宫淑珍〕，房子是我名下的"),
    ("chat", "持卡人〔n:翟梓萌〕，卡丢在出租车上了"),
    ("call", "我就是持卡人，我叫〔n:鲍昊然〕"),
    ("call", "您好，鄙人〔n:巩卫东〕，想开一个对公账户"),
    ("call", "我是〔n:慕容婉清〕的家属，她住院了"),
    ("call", "喂，我叫〔n:牛来福〕，就是那个被扣了年费的"),
    ("chat", "你好，我是〔n:池沐阳〕，昨天在线上提交了申请"),
    ("call", "我叫〔n:皇甫晟睿〕，皇帝的皇，甫是杜甫的甫"),
    ("call", "我的名字叫〔n:解红旗〕，解放的解"),
    ("call", "鄙姓〔n:亓〕，亓官的亓"),
    ("chat", "姓名：〔n:苏芷若〕  卡号尾号8812"),
    ("complaint", "投诉人〔n:宁桂芳〕，女，六十七岁，退休教师"),
    ("complaint", "本人〔n:凌志高〕，系贵行信用卡持卡人"),
    ("call", "我是他老婆，我叫〔n:褚秀兰〕"),
    ("call", "我是联系人〔n:吕浩〕，他让我来问的"),
    ("call", "收款人〔n:公孙玉梅〕，账号我再报一遍"),
    ("chat", "收款人写的〔n:端木子墨〕，系统提示户名不符"),
    ("call", "你好我是〔n:邹畅〕，我要投诉"),
    ("call", "我叫〔n:刘洁〕，洁白的洁"),
    ("call", "我叫〔n:陈静〕"),
    ("call", "我是客户〔n:孙援朝〕，编号你们系统里有"),
    # --- names: kinship and third parties ---
    ("call", "我闺女〔n:卢雨桐〕在外地上大学，她的卡能不能我来挂失"),
    ("call", "我媳妇〔n:谷晓燕〕下午会过去签字"),
    ("call", "卡是我老爸〔n:鲁长贵〕的，他不会用手机"),
    ("call", "我丈夫〔n:尉迟浩然〕已经同意了"),
    ("chat", "帮我姐姐〔n:池佳怡〕也查一下，她也被扣了"),
    ("call", "我小舅子〔n:冯建波〕借我的卡用过"),
    ("call", "我外婆〔n:吴招娣〕不识字，签字是我代签的"),
    ("complaint", "我父亲〔n:钟富贵〕于2024年1月去世，其名下存款至今无法继承"),
    ("call", "我们家老大〔n:蒋一鸣〕要办助学贷款"),
    ("call", "我室友〔n:甄美玲〕用了我的身份证"),
    ("call", "他叫〔n:申家豪〕，是我男朋友"),
    ("call", "我同事〔n:邬佳琦〕推荐我来办的"),
    ("chat", "代理人〔n:霍明远〕，委托书已经上传"),
    ("call", "担保人是〔n:应志刚〕，他也收到催收短信了"),
    ("complaint", "借款人〔n:康晓宇〕系我前夫，离婚后催收电话却打给我"),
    ("call", "我邻居〔n:夏侯俊〕也是你们行的客户"),
    # --- names: staff (title after surname, title before name) ---
    ("call", "我找〔n:王〕经理，她说今天给我回电"),
    ("call", "上次是〔n:李〕主任接待的我"),
    ("chat", "〔n:邓〕经理说利率可以打折的"),
    ("call", "麻烦让〔n:郭〕行长听电话"),
    ("call", "你们那个〔n:曹〕主管说话太冲了"),
    ("call", "客户经理〔n:邢丽娜〕给我推荐的这款产品"),
    ("complaint", "贵行柜员〔n:齐晓婉〕拒绝为我办理业务，且态度傲慢"),
    ("call", "大堂的〔n:付〕姐让我打这个电话"),
    ("call", "你们行〔n:黄〕科长答应过我的"),
    ("call", "我是你们〔n:赵〕总介绍来的"),
    ("call", "您好，我是客服〔n:余佳〕，工号5318"),
    ("call", "您好，这里是信用卡中心，我是〔n:程思远〕"),
    ("call", "我是您的专属理财顾问〔n:左晓琳〕"),
    ("call", "您好，我是客户经理〔n:韦小军〕，您的贷款已经审批了"),
    ("call", "〔n:彭〕主任在不在"),
    ("call", "〔n:许〕律师会跟你们联系"),
    ("chat", "〔n:杭〕姐，我的额度调好了吗"),
    ("call", "〔n:吕〕师傅来修过ATM了吗"),
    ("call", "那个叫〔n:鄢佳慧〕的理财经理已经离职了吗"),
    ("call", "那个〔n:姚〕经理现在调到哪个网点了"),
    ("complaint", "网点负责人〔n:时建国〕对此事不闻不问"),
    ("call", "客服〔n:柯〕小姐说三个工作日到账"),
    # --- names: transfers and payees ---
    ("chat", "我往〔n:梁书豪〕的卡里转了三万，显示失败"),
    ("call", "收款方是〔n:艾丽莎〕，工行的卡"),
    ("call", "这笔钱是转给〔n:秦沛然〕的房租"),
    ("call", "我给〔n:邵梦瑶〕转了两次"),
    ("complaint", "我向对方账户（户名〔n:戴宏宇〕）转账两万元后发现是诈骗"),
    ("call", "对方叫〔n:汪振宇〕，说是你们行的工作人员"),
    ("call", "汇款人〔n:葛东升〕，汇款用途货款"),
    ("chat", "付款人：〔n:邱晓冬〕"),
    # --- names: in running text, lists, mid-sentence ---
    ("complaint", "当天在场的还有〔n:薛佳〕和〔n:范立新〕，都可以作证"),
    ("complaint", "我、〔n:孔德明〕、〔n:包亚楠〕三人都在该网点购买了这款理财"),
    ("call", "股东有〔n:任浩天〕、〔n:万秋菊〕两个人"),
    ("complaint", "2024年3月，〔n:贺志勇〕以贵行员工名义向我推销保险"),
    ("call", "昨天〔n:朱子健〕去网点取钱被拒了"),
    ("call", "这个账户以前是〔n:倪红霞〕在用"),
    ("call", "麻烦通知〔n:肖嘉豪〕来领卡"),
    ("chat", "请问〔n:易晨曦〕的卡办好了吗"),
    ("call", "开户名是〔n:管雨欣〕吗？我核对一下"),
    ("call", "请问您是〔n:殷志鹏〕先生吗"),
    ("call", "〔n:焦丽萍〕女士，您好，这边是您的还款提醒"),
    ("call", "〔n:单〕女士，您的贷款逾期三天了"),
    ("call", "〔n:谭〕先生，请您核对一下身份证后四位"),
    ("call", "〔n:蔡〕阿姨，您别着急"),
    ("complaint", "此事经手人〔n:武卫国〕应负全部责任"),
    ("complaint", "特此投诉。投诉人：〔n:田秀英〕"),
    ("complaint", "以上情况属实。〔n:雷振宇〕 2024年5月6日"),
    # --- names: ASR without punctuation ---
    ("asr", "喂你好我叫〔n:张志明〕我那个信用卡被盗刷了"),
    ("asr", "嗯我是〔n:黎海燕〕我上午打过电话的"),
    ("asr", "对的就是我老婆〔n:戚晓梅〕她的卡"),
    ("asr", "你帮我查一下〔n:祁海峰〕这个名字下面有几张卡"),
    ("asr", "那个收款人叫〔n:井云飞〕对吧"),
    ("asr", "我找一下〔n:卫〕经理她上次说帮我申请减免"),
    ("asr", "嗯那个〔n:方佳琪〕是我女儿她要开户"),
    ("asr", "您好请问是〔n:占国强〕本人吗"),
    ("asr", "我叫〔n:扈春生〕户口本的户下面一个巴那个扈"),
    ("asr", "我是〔n:欧阳晨〕我的卡又被锁了"),
    ("asr", "我爸叫〔n:邹长林〕他的存折丢了"),
    ("asr", "就是那个〔n:丁〕经理给我办的分期"),
    # --- names: Traditional ---
    ("traditional", "我叫〔n:張偉傑〕，想問一下轉帳的事"),
    ("traditional", "收款人是〔n:劉淑芬〕，帳號沒錯"),
    ("traditional", "請幫我轉給〔n:林〕經理"),
    # --- addresses: province-city-district-road-number ---
    ("call", "我住在〔a:江苏省苏州市工业园区星湖街328号〕"),
    ("call", "地址是〔a:广东省佛山市禅城区季华五路22号〕"),
    ("chat", "寄到〔a:湖北省宜昌市西陵区东山大道105号〕"),
    ("call", "我家在〔a:山东省烟台市芝罘区南大街236号〕"),
    ("complaint", "本人住址：〔a:河北省保定市竞秀区朝阳北大街1688号〕"),
    ("call", "信用卡账单寄到〔a:福建省泉州市丰泽区田安南路536号〕"),
    ("call", "我现在住〔a:辽宁省鞍山市铁东区二道街12号〕"),
    ("chat", "新住址〔a:四川省绵阳市涪城区临园路东段66号〕"),
    ("call", "〔a:贵州省贵阳市云岩区中华北路218号〕，这是我单位地址"),
    ("call", "地址改成〔a:吉林省长春市朝阳区人民大街5688号〕"),
    # --- addresses: 小区 / 栋 / 单元 / 室 chains ---
    ("call", "我住〔a:碧桂园凤凰城12栋2单元1803室〕"),
    ("call", "寄到〔a:绿地香颂小区5号楼3单元601〕"),
    ("chat", "地址：〔a:南宁市良庆区五象大道401号保利领秀前城8栋1单元2203〕"),
    ("call", "我家是〔a:滨江区江南大道3850号创新大厦9楼〕"),
    ("call", "我住在〔a:金地格林小镇二期十六栋三单元五零二〕"),
    ("call", "快递寄到〔a:万科金色家园7幢1002室〕就行"),
    ("call", "〔a:龙华区民治街道金地梅陇镇11栋B座1506〕"),
    ("chat", "收件地址〔a:宝山区共康路100弄12号301室〕"),
    ("call", "我住〔a:翠湖天地三期2号楼1703〕"),
    ("call", "地址是〔a:城关区庆阳路77号兰州中心B座1208〕"),
    ("call", "我在〔a:雨花台区软件大道119号丰盛商汇6栋〕上班，卡可以寄到公司"),
    # --- addresses: rural ---
    ("call", "我家在〔a:河南省周口市郸城县汲冢镇王庄村三组〕"),
    ("call", "地址写〔a:安徽省六安市霍邱县城西湖乡沣东村二组〕"),
    ("call", "我住〔a:湖南省邵阳市隆回县桃洪镇东方社区5组〕"),
    ("call", "我老家是〔a:江西省赣州市于都县罗坳镇步前村〕"),
    ("asr", "我住在〔a:四川南充市仪陇县新政镇白鹤村四组十八号〕"),
    ("call", "寄到〔a:云南省曲靖市陆良县马街镇北山村委会上村45号〕"),
    ("call", "〔a:黑龙江省绥化市海伦市海北镇永和村〕，邮编我不记得了"),
    ("call", "我是〔a:甘肃省天水市秦安县兴国镇邢泉村〕的"),
    # --- addresses: company / work addresses ---
    ("call", "公司注册地址是〔a:北京市海淀区中关村大街27号中关村大厦11层〕"),
    ("complaint", "我司地址：〔a:上海市闵行区申长路988弄虹桥万科中心5号楼〕"),
    ("call", "对公账户的地址写〔a:深圳市宝安区西乡街道航城大道宝安智谷科技园E栋6楼〕"),
    ("call", "我们厂在〔a:东莞市长安镇乌沙社区振安中路188号〕"),
    ("chat", "发票寄到〔a:天津市滨海新区第三大街51号泰达MSD-A区2座1505〕"),
    ("call", "单位地址：〔a:西安市未央区凤城八路171号〕"),
    ("call", "我上班在〔a:杭州市余杭区文一西路969号〕，那边有网点吗"),
    # --- addresses: partial and spoken ---
    ("call", "就在〔a:解放路198号〕"),
    ("call", "我住〔a:和平里七区16号楼〕"),
    ("call", "地址是〔a:朝阳路八十八号〕，八十八号"),
    ("asr", "我住在〔a:长沙县星沙镇开元东路二百三十六号〕那个小区"),
    ("asr", "我家地址是〔a:海淀区清河小营西路十二号院三号楼〕"),
    ("call", "寄到〔a:芙蓉区五一大道766号〕"),
    ("call", "〔a:越秀区东风中路437号〕那栋楼"),
    ("call", "我的地址〔a:锦江区春熙路南段8号〕"),
    ("call", "我住〔a:建国门外大街甲6号SK大厦〕附近"),
    ("chat", "现居地：〔a:武侯区人民南路四段11号附1号〕"),
    ("call", "我住在〔a:沙坪坝区三峡广场步行街15号〕楼上"),
    ("call", "我家就在〔a:东湖路36号院〕"),
    ("call", "收货地址是〔a:青山湖区北京东路1566号〕"),
    ("call", "寄到我家〔a:江北区观音桥步行街9号1-12-3〕"),
    ("traditional", "地址是〔a:臺中市西屯區臺灣大道三段99號〕"),
    ("traditional", "寄到〔a:高雄市苓雅區四維三路2號〕"),
    # --- mixed name + address ---
    ("call", "收件人〔n:蒋书瑶〕，地址〔a:常州市新北区太湖东路9号〕"),
    ("chat", "请把卡寄给〔n:季婷〕，〔a:温州市鹿城区车站大道577号〕"),
    ("complaint", "投诉人：〔n:阮小平〕，住址：〔a:南通市崇川区工农路111号〕，联系电话见附件"),
    ("call", "我叫〔n:连海波〕，住在〔a:绍兴市越城区解放北路20号〕"),
    ("call", "户主〔n:仲秋生〕，地址〔a:盐城市亭湖区建军中路169号〕"),
    ("chat", "联系人〔n:瞿慧敏〕 地址〔a:扬州市邗江区文昌西路56号〕"),
    # --- negatives: branch and outlet names ---
    ("negative", "我是在中关村支行开的户"),
    ("negative", "春熙路支行下午几点关门"),
    ("negative", "你们解放路网点的保安态度很差"),
    ("negative", "五一广场营业部周六上班吗"),
    ("negative", "陆家嘴分行的理财经理打电话推销"),
    ("negative", "我在东风路支行排了一个小时"),
    ("negative", "观音桥网点搬到哪里了"),
    ("negative", "西湖区的网点都能办社保卡吗"),
    ("negative", "你们武侯支行有没有外币兑换"),
    ("negative", "天河城那个自助银行的ATM坏了"),
    ("negative", "我去了朝阳门支行，他们说办不了"),
    ("negative", "滨江支行的大堂经理很热情"),
    # --- negatives: places used as places ---
    ("negative", "我下周去广州出差，卡能在那边用吗"),
    ("negative", "我人在国外，没法去网点"),
    ("negative", "北京的房价太高了，贷款额度不够"),
    ("negative", "南京那边的分行说要我本人去"),
    ("negative", "我在成都读书，卡是老家办的"),
    ("negative", "从上海转到杭州要多久到账"),
    ("negative", "海南的网点能办吗"),
    ("negative", "我刚从西藏回来，手机没信号"),
    ("negative", "我老家在东北，过年回去"),
    ("negative", "长江以南的网点都这样吗"),
    # --- negatives: products and services ---
    ("negative", "我想买你们的黄金积存"),
    ("negative", "龙卡信用卡的年费怎么收"),
    ("negative", "金葵花理财现在收益多少"),
    ("negative", "我要办一张白金卡"),
    ("negative", "安心存这个产品能提前支取吗"),
    ("negative", "薪金煲的钱怎么转出来"),
    ("negative", "周周宝赎回要几天"),
    ("negative", "如意贷的利率是多少"),
    # --- negatives: words that start with a surname character ---
    ("negative", "收到退款我很高兴"),
    ("negative", "黄金现在能买吗"),
    ("negative", "周末能去网点办吗"),
    ("negative", "你们网点门口张贴的告示写的什么"),
    ("negative", "我常用的手机号换了"),
    ("negative", "有没有更好的方案"),
    ("negative", "何必这么麻烦呢"),
    ("negative", "余额显示不对"),
    ("negative", "于是我就打了你们的电话"),
    ("negative", "我的钱包被偷了"),
    ("negative", "金卡的权益有哪些"),
    ("negative", "马虎不得，这可是我的养老钱"),
    ("negative", "陆续收到了好几条扣款短信"),
    ("negative", "白天打不通，晚上也打不通"),
    ("negative", "程序上是不是有问题"),
    ("negative", "这种事情向来都是这样处理的吗"),
    ("negative", "严重影响了我的征信"),
    ("negative", "全部都是你们的责任"),
    ("negative", "司机说车贷还没批下来"),
    ("negative", "温馨提示说额度调整了"),
    ("negative", "成本这么高谁受得了"),
    ("negative", "文件我都准备好了"),
    ("negative", "包裹里只有一张卡，密码函没有"),
    ("negative", "房贷利率能不能降"),
    ("negative", "关于年费的事我想问一下"),
    ("negative", "明天能到账吗"),
    ("negative", "任何人打电话问验证码都不要说"),
    ("negative", "连续三个月都被扣了钱"),
    # --- negatives: cue words with no name, titles with no name ---
    ("negative", "我叫你们经理过来"),
    ("negative", "我是你们的老客户了"),
    ("negative", "我是本人，不是代办"),
    ("negative", "收款人是我自己"),
    ("negative", "户主是我爸，他不在家"),
    ("negative", "持卡人本人来不了怎么办"),
    ("negative", "联系人填的是我老婆"),
    ("negative", "我找你们领导"),
    ("negative", "经理刚才说可以退的"),
    ("negative", "主任出去开会了"),
    ("negative", "我是第一次打这个电话"),
    ("negative", "我姓名那一栏填错了"),
    ("negative", "我叫了半天没人理"),
    ("negative", "帮我转人工"),
    ("negative", "我是做生意的，流水比较大"),
]


def build() -> list[dict]:
    return _pii_make.build(RAW, prefix="hold3", note="holdout3")


def main() -> None:
    _pii_make.write(build(), OUT)


if __name__ == "__main__":
    main()
