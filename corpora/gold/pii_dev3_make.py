"""Write ``pii_dev3.jsonl``: development cases for the third name/address round (issue #8).

Written after hold-out 3 had been committed, with other names, places and sentences, and used
(with hold-out 2, which is development data since then) while the name and address rules were
changed. Its scores are fitted, not a measure of generalisation.

Markers and labelling rules: see ``corpora/gold/_pii_make.py``.

Run ``python corpora/gold/pii_dev3_make.py`` to rewrite the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _pii_make  # noqa: E402

OUT = HERE / "pii_dev3.jsonl"

# (form, text with inline markers)
RAW: list[tuple[str, str]] = [
    # --- names: self-introduction ---
    ("call", "你好，我叫〔n:鲍珊珊〕，信用卡还款的事"),
    ("call", "我这边是〔n:计海洋〕，刚才掉线了"),
    ("call", "鄙人〔n:荀志高〕，退休了"),
    ("call", "我叫〔n:蔺文〕，文化的文"),
    ("call", "我叫〔n:訾建平〕，此字下面一个言"),
    ("chat", "我是持卡人〔n:寇雅婷〕，要注销副卡"),
    ("call", "我就是户主，叫〔n:蓬秀珍〕"),
    ("call", "免贵，姓〔n:钮〕"),
    ("call", "我是〔n:令狐思琪〕，昨天来过"),
    ("chat", "户名：〔n:上官婷〕"),
    ("call", "我是收款人〔n:娄建华〕，钱一直没到"),
    ("complaint", "投诉人〔n:郜玉莲〕，系贵行储户"),
    ("call", "我是〔n:詹东〕，我要投诉你们"),
    ("call", "我叫〔n:卞嘉怡〕我要挂失"),
    ("asr", "喂你好我是〔n:莫振东〕我想查一下余额"),
    ("asr", "我叫〔n:厉晓光〕严厉的厉"),
    # --- names: kin / third parties ---
    ("call", "我姑娘〔n:石雨萱〕在你们那办了个卡"),
    ("call", "我老伴〔n:雷桂珍〕昨天去取钱没取出来"),
    ("call", "我大儿子〔n:戈振宇〕想申请房贷"),
    ("call", "我二姐〔n:车春花〕也在你们行存钱"),
    ("call", "我合伙人〔n:晁明辉〕私自把钱转了"),
    ("complaint", "我母亲〔n:裘淑英〕今年八十二岁"),
    ("call", "我的担保人〔n:全文涛〕也被打电话了"),
    ("call", "这个是我朋友〔n:吉思远〕的卡"),
    ("asr", "我老婆〔n:路晓慧〕她那个卡"),
    # --- names: staff ---
    ("call", "我找〔n:秦〕经理"),
    ("call", "上回是〔n:孟〕主任给我办的"),
    ("call", "你们〔n:贝〕行长答应的事不算数吗"),
    ("call", "那个〔n:谢〕主管态度很差"),
    ("call", "麻烦让〔n:蒋〕经理接电话"),
    ("chat", "〔n:沈〕姐，我的卡到了吗"),
    ("call", "〔n:卜〕师傅说ATM修好了"),
    ("call", "你们〔n:杜〕总认识我"),
    ("call", "柜员〔n:闵小雨〕态度不好"),
    ("complaint", "理财经理〔n:桑志平〕隐瞒了产品风险"),
    ("call", "您好，我是客服〔n:吴悠〕，很高兴为您服务"),
    ("call", "您好，我是〔n:艾晓丹〕，您的专属客户经理"),
    ("call", "这里是贷款中心，我是〔n:宋振〕"),
    ("call", "你们网点的〔n:栾海波〕说可以办"),
    ("call", "那个叫〔n:别晓东〕的业务员已经走了"),
    ("call", "客服〔n:金〕小姐说今天到账"),
    ("call", "〔n:温〕律师下周去你们那"),
    ("chat", "〔n:顾〕经理，额度什么时候调"),
    # --- names: payees, transfers ---
    ("chat", "我往〔n:郎子豪〕卡里打了五千"),
    ("call", "收款方是〔n:喻晓婉〕"),
    ("call", "这钱是给〔n:苏振华〕的货款"),
    ("complaint", "转入对方账户（户名〔n:田立军〕）后被骗"),
    ("call", "汇款人〔n:祖国栋〕，用途工资"),
    ("chat", "付款人：〔n:阎春梅〕"),
    ("call", "我给〔n:鄂雪松〕转了三千"),
    ("call", "对方叫〔n:边伟〕，说是银行的"),
    ("call", "我打给〔n:蒲俊〕两次都没接"),
    ("call", "转给〔n:禹佳〕两万块钱"),
    # --- names: running text, lists ---
    ("complaint", "同行的〔n:冷少华〕和〔n:宗秀梅〕都能作证"),
    ("complaint", "我、〔n:甘国强〕、〔n:相雨晨〕都买了这个产品"),
    ("call", "股东是〔n:伏海军〕、〔n:柴小红〕"),
    ("complaint", "2023年8月，〔n:翁建平〕自称贵行员工向我推销"),
    ("call", "上周〔n:狄永刚〕去柜台被拒"),
    ("call", "这个卡以前一直是〔n:栗志红〕在用"),
    ("call", "麻烦通知〔n:于海龙〕来拿卡"),
    ("chat", "请问〔n:文思雨〕的申请批了没"),
    ("call", "户名是〔n:隆晓光〕吗"),
    ("call", "请问您是〔n:韩东明〕先生吗"),
    ("call", "〔n:章晓梅〕女士，您的卡已经寄出"),
    ("call", "〔n:蓝〕女士，您好"),
    ("call", "〔n:龙〕先生，您的还款日是明天"),
    ("complaint", "此事由〔n:岑国庆〕经手"),
    ("complaint", "特此投诉。投诉人：〔n:黎秀芳〕"),
    ("complaint", "以上属实。〔n:费德明〕 2024年2月1日"),
    ("call", "登记的是〔n:罗小燕〕这个名字"),
    ("call", "备注写的是〔n:贺嘉琪〕"),
    ("call", "收款人填的是〔n:容子健〕"),
    ("call", "〔n:包〕同志，请到三号窗口"),
    # --- names: ASR ---
    ("asr", "你帮我看一下〔n:凤海涛〕名下有没有贷款"),
    ("asr", "收款人叫〔n:劳春燕〕对不对"),
    ("asr", "我找〔n:伍〕经理他说帮我办"),
    ("asr", "那个〔n:郝佳怡〕是我闺女"),
    ("asr", "请问是〔n:阳光明〕本人吗"),
    ("asr", "我爸叫〔n:岳长顺〕他存折找不到了"),
    ("asr", "就是那个〔n:熊〕经理给我办的"),
    # --- names: traditional ---
    ("traditional", "我叫〔n:鄭家豪〕，想問帳戶的事"),
    ("traditional", "收款人是〔n:謝美玲〕"),
    # --- addresses ---
    ("call", "我住在〔a:浙江省嘉兴市南湖区中环南路1288号〕"),
    ("call", "地址是〔a:广东省中山市石岐区孙文中路88号〕"),
    ("chat", "寄到〔a:湖南省株洲市天元区泰山路368号〕"),
    ("call", "〔a:陕西省宝鸡市渭滨区经二路56号〕，是我单位"),
    ("call", "我住〔a:融创玖樟台18栋1单元2601室〕"),
    ("call", "寄到〔a:阳光城翡丽湾6号楼2单元1502〕"),
    ("call", "我住在〔a:保利香槟国际十二栋二单元七零一〕"),
    ("call", "寄到〔a:绿城桂花园3幢401室〕"),
    ("chat", "收件地址〔a:普陀区长寿路600弄8号502室〕"),
    ("call", "我家在〔a:山东省菏泽市曹县庄寨镇李集村二组〕"),
    ("call", "地址写〔a:河南省信阳市固始县三河尖镇建湖村五组〕"),
    ("call", "我老家〔a:湖北省黄冈市蕲春县漕河镇马畈村〕"),
    ("asr", "我住在〔a:江西吉安市永丰县佐龙乡桥南村三组十二号〕"),
    ("call", "公司地址〔a:北京市朝阳区建国路93号万达广场8号楼1205〕"),
    ("call", "我们厂在〔a:佛山市南海区狮山镇科技东路8号〕"),
    ("chat", "发票寄到〔a:苏州工业园区金鸡湖大道1355号国际科技园4期A座302〕"),
    ("call", "就在〔a:中山路266号〕"),
    ("call", "我住〔a:团结湖北里3号楼〕"),
    ("call", "地址是〔a:人民路一百零八号〕"),
    ("asr", "我家地址是〔a:丰台区马家堡东路十六号院二号楼〕"),
    ("call", "我住〔a:复兴门内大街乙5号〕附近"),
    ("call", "寄到我家〔a:渝中区解放碑民族路5号2-8-1〕"),
    ("call", "我家是〔a:西城区西四北三条12号〕"),
    ("call", "寄到〔a:上海市徐汇区漕溪北路88号圣爱大厦B塔1801〕"),
    ("call", "我住〔a:南山区海德三道126号卓越后海中心5楼〕"),
    ("call", "我住〔a:天河区珠江新城华夏路16号富力盈凯广场A区2座〕"),
    ("call", "寄到〔a:闵行区沪闵路6088号凯德龙之梦B1栋〕"),
    ("call", "我住〔a:东湖高新区光谷大道77号光谷金融港A3栋〕"),
    ("traditional", "地址：〔a:新北市板橋區文化路一段188號〕"),
    ("call", "收件人〔n:尤心怡〕，地址〔a:嘉兴市秀洲区洪兴路666号〕"),
    ("call", "我叫〔n:帅志明〕，住在〔a:宜春市袁州区宜阳大道8号〕"),
    # --- negatives ---
    ("negative", "我在高新支行开的户"),
    ("negative", "人民路营业部周日开门吗"),
    ("negative", "你们滨湖网点的服务真差"),
    ("negative", "建设路分理处关门了"),
    ("negative", "我想去国贸那个网点"),
    ("negative", "我在深圳上班，卡是湖南办的"),
    ("negative", "北京的网点能办香港的业务吗"),
    ("negative", "我想买点黄金"),
    ("negative", "周六能办业务吗"),
    ("negative", "张贴的海报上写的利率不对"),
    ("negative", "常用联系人怎么改"),
    ("negative", "何况我已经还清了"),
    ("negative", "余额宝转不进来"),
    ("negative", "毛利率这么低吗"),
    ("negative", "江湖救急，先借点"),
    ("negative", "宋体字太小看不清"),
    ("negative", "钱包里的卡都丢了"),
    ("negative", "施工队把光缆挖断了"),
    ("negative", "汪汪叫的狗吓到我了"),
    ("negative", "我叫客服帮我查"),
    ("negative", "收款人写错了"),
    ("negative", "户主不在家"),
    ("negative", "联系人就是我本人"),
    ("negative", "经理说下周办"),
    ("negative", "我是老客户"),
    ("negative", "我是第二次来了"),
    ("negative", "帮我转给客服主管"),
    ("negative", "请问是这个号码吗"),
    ("negative", "你们行长在不在"),
    ("negative", "我是在网上申请的"),
    ("negative", "我找了你们好几次"),
    ("negative", "这张卡是我妈的"),
    ("negative", "卡是我自己的"),
    ("negative", "备注写的是货款"),
    ("negative", "登记的是我的身份证"),
    ("negative", "工作人员说明天再来"),
    ("negative", "那个叫什么的理财产品"),
    ("negative", "你们中心的工作人员不专业"),
    ("negative", "网点的保安很热情"),
    ("negative", "我这边是信号不好"),
    ("negative", "这里是哪个部门"),
    ("negative", "他说话很冲"),
    ("negative", "转给对方两万块"),
    ("negative", "我打给客服好几次"),
    ("negative", "同事说你们的利率高"),
]


def build() -> list[dict]:
    return _pii_make.build(RAW, prefix="dev3", note="dev3")


def main() -> None:
    _pii_make.write(build(), OUT)


if __name__ == "__main__":
    main()
