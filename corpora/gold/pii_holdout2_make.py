"""Write ``pii_holdout2.jsonl``: a blind hold-out of names and addresses (issue #8 follow-up).

Written by hand **before** the name and address rules were reworked, committed before any
pattern change, and scored once at the end (``"holdout2"`` in
``benchmarks/results/pii.json``). It does not import cxtext, and it was never run through
``find_pii`` while the rules were being changed.

Each case is a sentence in bank call / chat / complaint wording with its PII marked inline as
``〔n:张伟〕`` (name) or ``〔a:…〕`` (address); the markers are stripped and the offsets kept.
Labelling follows the earlier sets: a full name is one span (surname + given name); a surname
before a form of address is a span on its own (``〔n:王〕先生``); an address runs from the first
administrative or street element to the last unit number. Negatives (``form="negative"``) hold
words that look like names or addresses but are not personal data: branch, product and place
names, words starting with a surname character, job titles with no name.

Run ``python corpora/gold/pii_holdout2_make.py`` to rewrite the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _pii_make  # noqa: E402

OUT = HERE / "pii_holdout2.jsonl"

# (form, text with inline markers)
RAW: list[tuple[str, str]] = [
    # --- names: kinship and family words -----------------------------------------------------
    ("call", "我儿媳妇〔n:潘雨欣〕上礼拜在你们这办的卡"),
    ("call", "卡是我女婿〔n:钟振华〕的，他在外地出差"),
    ("call", "我外甥〔n:魏子轩〕想开个账户，要带什么"),
    ("call", "我大姨〔n:葛秀芝〕的存折密码忘了"),
    ("chat", "帮我查下我侄女〔n:卢思彤〕那笔转账到了没"),
    ("call", "我孙子〔n:殷浩宇〕的压岁钱卡能不能挂我名下"),
    ("complaint", "本人母亲〔n:谭桂英〕今年七十八岁，被你行理财经理诱导购买基金"),
    ("call", "我家老头子〔n:严国庆〕住院了，卡里的钱我能代取吗"),
    ("call", "我爱人叫〔n:覃丽萍〕，她手机换号了"),
    ("chat", "收款的是我表弟〔n:祝明轩〕，名字没打错"),
    ("call", "我公公〔n:上官德明〕去年过世了，存款怎么继承"),
    ("call", "嗯我老婆那个〔n:董佳琪〕她卡被锁了"),
    ("complaint", "我的继父〔n:蔡永福〕多次冒用我的身份信息办卡"),
    ("call", "我弟媳〔n:毛晓雯〕也被扣了这笔年费"),
    # --- names: asking for / passing on to a person -----------------------------------------
    ("call", "麻烦你转告〔n:邵建平〕经理，让他今天回我电话"),
    ("call", "你们帮我联系一下〔n:俞晓婷〕，她是我的客户经理"),
    ("call", "我要找〔n:聂宏伟〕，上次就是他给我办的"),
    ("chat", "能不能让〔n:詹志远〕给我回个电话"),
    ("call", "我想投诉你们那个叫〔n:焦文静〕的柜员"),
    ("call", "上次接待我的是一个叫〔n:尹海涛〕的小伙子"),
    ("complaint", "贵行员工〔n:甘露露〕在办理业务时态度恶劣"),
    ("call", "你让〔n:司徒嘉欣〕接电话"),
    ("chat", "请帮我转达给〔n:柏晓光〕，材料已经寄出"),
    ("call", "我打给〔n:阎素芳〕好几次都没人接"),
    ("call", "这个事情是〔n:滕俊峰〕负责的吧"),
    ("complaint", "经办柜员〔n:房丽君〕未核实本人身份即为他人挂失"),
    ("call", "你们网点的〔n:戚军〕说这个可以退的"),
    ("call", "请问〔n:项文斌〕在吗"),
    ("call", "喂，是〔n:樊晓东〕吗？我是你们银行的客服"),
    ("call", "您好，请问您是〔n:常玉兰〕女士吗"),
    ("chat", "您好，请问是〔n:乔伟〕先生本人吗"),
    # --- names: self-introduction in varied wording -----------------------------------------
    ("call", "你好我这边是〔n:邱锦程〕，刚才电话断了"),
    ("call", "我姓〔n:闫〕，门字里面一个三的那个"),
    ("call", "我叫〔n:苗苗〕，有事打我电话"),
    ("call", "我就是〔n:孟繁星〕本人，你们核实吧"),
    ("chat", "在吗？我是持卡人〔n:武晓丽〕"),
    ("call", "免贵姓〔n:蒲〕，您说吧"),
    ("call", "嗯我叫那个〔n:岳红霞〕，身份证也带了"),
    ("call", "我名字是〔n:单雪莹〕，要挂失"),
    ("complaint", "投诉人：〔n:晏春燕〕，联系方式见附件"),
    ("complaint", "申请人〔n:伍思远〕，因本人信用卡被盗刷申请退款"),
    ("chat", "账户名是〔n:欧阳振宇〕，卡号尾号是3302"),
    ("call", "开户的时候登记的是〔n:贾丽娜〕这个名字"),
    ("call", "我是〔n:东方明〕，上午来过电话"),
    ("call", "这张卡是〔n:温婷婷〕名下的"),
    ("call", "户口本上写的〔n:黎振东〕"),
    # --- names: agents and staff -------------------------------------------------------------
    ("call", "您好，客服〔n:陶敏〕为您服务"),
    ("call", "您好，我是工号3021的客服专员〔n:骆雅琴〕"),
    ("call", "这边是信用卡中心的〔n:蓝天宇〕，跟您核实一笔交易"),
    ("chat", "〔n:沈〕经理，我那个贷款批下来没有"),
    ("call", "〔n:阮〕老师，您的理财到期了"),
    ("call", "〔n:丁〕阿姨您好，您的社保卡到了"),
    ("call", "〔n:熊〕同志，您这个情况要去柜台办"),
    ("call", "〔n:汤志刚〕先生您好，这里是您的开户行"),
    ("call", "〔n:薛凤英〕女士，您的挂失已经受理"),
    ("chat", "找你们〔n:钱〕主任，他知道我的事"),
    ("complaint", "大堂经理〔n:韩冬梅〕未向我说明风险"),
    # --- names: in running complaint text --------------------------------------------------
    ("complaint", "2023年5月我在贵行购买理财，当时理财经理〔n:陆晓峰〕承诺保本"),
    ("complaint", "我和〔n:童建军〕是合伙人，他私自从公司账户转走了钱"),
    ("complaint", "对方户名〔n:庞丽华〕，我转错账了，请帮忙追回"),
    ("chat", "转给〔n:景晓燕〕五千块，对方说没收到"),
    ("call", "我给〔n:耿志强〕汇了两万，到现在没到账"),
    ("call", "钱是打到〔n:霍俊杰〕卡上的"),
    ("call", "备注写的是〔n:符子涵〕的学费"),
    ("complaint", "催收人员自称〔n:刘洋〕，多次骚扰我的家人"),
    ("call", "有个自称〔n:郝建国〕的人说是你们银行的"),
    ("call", "代办人是我朋友〔n:车晓雪〕，她有授权书"),
    # --- names: ASR register (no punctuation) ------------------------------------------------
    ("asr", "喂你好我叫〔n:任志伟〕我想问一下那个额度"),
    ("asr", "嗯对就是我老公〔n:谢振华〕他那个卡"),
    ("asr", "那个〔n:冯〕先生你好这边是招商的"),
    ("asr", "我找一下那个〔n:万佳豪〕经理"),
    ("asr", "对对对〔n:诸葛明亮〕是我儿子"),
    # --- names: Traditional characters -------------------------------------------------------
    ("traditional", "我叫〔n:陳曉明〕，想查詢帳戶"),
    ("traditional", "請問是〔n:黃麗華〕小姐嗎"),
    # --- addresses ---------------------------------------------------------------------------
    ("call", "我住在〔a:朝阳区望京西园三区312号楼5单元1102〕"),
    ("call", "寄到〔a:南京市鼓楼区汉中门大街145号金鹰花园7栋602室〕就行"),
    ("chat", "新地址：〔a:深圳市南山区科技园科苑路15号科兴科学园B栋4单元901〕"),
    ("call", "卡寄到我单位吧，〔a:武汉市江汉区建设大道568号新世界国贸大厦I座2708〕"),
    ("complaint", "本人现住〔a:浙江省宁波市鄞州区天童南路588号宁波文化广场D座1203室〕"),
    ("call", "地址是〔a:成都市高新区天府三街218号〕"),
    ("call", "我家在〔a:长沙市岳麓区麓谷街道枫林三路1号〕"),
    ("call", "账单寄〔a:西安市雁塔区高新路52号高科大厦A座16层〕"),
    ("chat", "收货地址〔a:合肥市蜀山区黄山路459号安大西区宿舍11栋〕"),
    ("call", "你们把信用卡寄到〔a:天河区体育西路191号中石化大厦B塔3205〕了"),
    ("asr", "我住在〔a:海淀区学院路30号院7号楼2单元401〕那个"),
    ("call", "〔a:昆明市五华区人民中路17号〕，对，就这个地址"),
    ("complaint", "我于3月2日搬家至〔a:重庆市渝北区金开大道1号龙湖MOCO中心2栋1703〕"),
    ("call", "地址改成〔a:郑州市金水区花园路39号〕"),
    ("call", "我现在住〔a:福田区莲花路2008号香蜜湖1号4栋〕"),
    ("call", "老地址是〔a:哈尔滨市南岗区西大直街92号〕"),
    ("chat", "〔a:厦门市思明区湖滨南路90号立信广场25楼〕这个地址收不到吗"),
    ("call", "就在〔a:苏州市吴中区宝带西路1166号〕那个小区"),
    ("call", "麻烦寄到〔a:济南市历下区泉城路180号齐鲁国际大厦21层〕"),
    ("traditional", "地址：〔a:台北市信義區松仁路100號〕"),
    ("call", "快递员说〔a:青岛市市南区香港中路40号数码港旗舰大厦15楼〕没人签收"),
    ("call", "我住〔a:杭州市拱墅区莫干山路766号浙江省机电设计研究院宿舍3幢2单元502室〕"),
    ("call", "我家是〔a:东城区东四十条甲22号南新仓商务大厦A座〕"),
    ("call", "卡片寄送到〔a:大连市甘井子区黄浦路977号〕"),
    ("complaint", "投诉人住址：〔a:广西南宁市青秀区民族大道136号〕"),
    ("call", "我在〔a:城阳区正阳路177号万科城9号楼1单元101〕"),
    ("chat", "改到〔a:上海浦东新区陆家嘴环路1000号恒生银行大厦〕吧"),
    ("call", "就是〔a:沈阳市和平区太原北街86号〕"),
    ("call", "住址填的〔a:石家庄市长安区中山东路508号东胜广场三单元1501〕"),
    ("call", "我住〔a:锦绣家园6号楼2单元302〕"),
    ("call", "寄到〔a:幸福里小区18栋3单元502室〕就行"),
    # --- mixed name + address -----------------------------------------------------------------
    ("call", "我叫〔n:包文静〕，住〔a:无锡市梁溪区中山路218号〕"),
    ("complaint", "收件人〔n:卓雅〕，地址〔a:珠海市香洲区情侣中路47号〕"),
    ("chat", "麻烦寄给我妹妹〔n:柳思琪〕，地址是〔a:太原市小店区长风街113号〕"),
    ("call", "〔n:尚〕先生，您登记的地址是〔a:南昌市红谷滩区会展路1099号〕对吗"),
    # --- negatives: branch, product, place names ---------------------------------------------
    ("negative", "我是在王府井支行开的户"),
    ("negative", "南京东路支行几点开门"),
    ("negative", "你们张江支行的服务太差了"),
    ("negative", "徐家汇网点排队排了两个小时"),
    ("negative", "金融街营业部能办外汇吗"),
    ("negative", "我想买那个金钥匙安心得利理财"),
    ("negative", "朝朝宝和周周宝有什么区别"),
    ("negative", "我在深圳出差，卡被吞了"),
    ("negative", "上海这边的网点都不能办吗"),
    ("negative", "成都的分行电话是多少"),
    ("negative", "我上个月去杭州旅游刷卡被盗刷了"),
    ("negative", "人民路上那个ATM机吞卡了"),
    ("negative", "中山公园站旁边那个网点关门了"),
    ("negative", "长安街那家支行搬到哪里去了"),
    ("negative", "我在武汉大学附近的自助银行取的钱"),
    ("negative", "高新区分行的客户经理说可以的"),
    ("negative", "你们建设路支行的柜员态度很好"),
    # --- negatives: everyday words starting with a surname character -------------------------
    ("negative", "听到这个消息我很高兴"),
    ("negative", "周末网点营业吗"),
    ("negative", "我常用的那张卡被冻结了"),
    ("negative", "他在林业局上班，收入稳定"),
    ("negative", "你们这样办理太不方便了"),
    ("negative", "金额不对，少了两百"),
    ("negative", "我马上过去柜台"),
    ("negative", "万一被盗刷了谁负责"),
    ("negative", "何时才能到账"),
    ("negative", "有没有更好的solutions，英文客服也行"),
    ("negative", "我叫了好几次都没人理"),
    ("negative", "我姓名写错了，要改一下"),
    ("negative", "请问是不是要本人来办"),
    ("negative", "您是本人吗"),
    ("negative", "我找了你们三次了"),
    ("negative", "通知我的短信说额度降了"),
    ("negative", "我老公说不用办了"),
    ("negative", "我儿子马上就到"),
    ("negative", "我女儿高考完了想开张卡"),
    ("negative", "经理说明天给我答复"),
    ("negative", "客服说会有专人联系我"),
    ("negative", "你们的大堂经理在吗"),
    ("negative", "我要投诉你们的客户经理"),
    ("negative", "理财经理都不接电话"),
    ("negative", "先生您别着急，我帮您查一下"),
    ("negative", "女士您好，请问还有什么可以帮您"),
    ("negative", "我很生气，也很失望"),
    ("negative", "真是气死我了，太过分了"),
    ("negative", "我担心钱会不会没了"),
    ("negative", "向您致歉，给您带来不便"),
    ("negative", "那个叫什么来着的产品"),
    ("negative", "联系方式就是这个手机号"),
    ("negative", "这个房子在市中心，房贷能批吗"),
    ("negative", "我们小区门口就有一个网点"),
    ("negative", "楼上的邻居也被骗了"),
    ("negative", "三楼的柜台在哪里办"),
    ("negative", "路上堵车，我晚点到"),
    ("negative", "我是通过微信公众号申请的"),
]


def build() -> list[dict]:
    return _pii_make.build(RAW, prefix="hold2", note="holdout2")


def main() -> None:
    _pii_make.write(build(), OUT)


if __name__ == "__main__":
    main()
