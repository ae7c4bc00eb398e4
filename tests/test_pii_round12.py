"""PII names, round 12 (issue #8, session 11): office jobs said after a surname as a form of
address (我们村的伍会计), more titles after a lone surname (王组长, 刘叔, 李奶奶), more staff
before a nickname (保安老黄还算热心), X总 after a boss or a group with an everyday-word surname
(我们老板万总), a given name said alone after 叫 (客服，叫晓雨还是什么), a name that runs
into a spelled surname (我老婆叫蒋丽草头蒋美丽的丽), and brands: 记 before goods (李锦记蚝油),
coupons after 的 (王小卤的优惠券), a shop between 在 and a verb of buying (在吴裕泰买茶叶),
a public figure's works after their name (张艺谋的电影票, 郭德纲的相声), and three more
given-name characters (辰, 墨, 铁: 赵铁柱, 王梓辰), nicknames of rarer surnames (老樊, 小栾),
是(个)姓X (接电话的是个姓芮的小伙子), given names of the 1950s-1970s that are words
(我老公马建设的卡).
Addresses: a road before a comma and its
number (厦门市思明区，鹭江道，8号), an estate and a dashed building-unit-room number after an
address cue (现住：万科金域华府11-2-1803).

Each test holds cases that fail on the round-11 code (aa55cb1) beside near misses and
look-alikes that give what it gave."""

from __future__ import annotations

import pytest

from cxtext.text.pii import find_pii, mask_pii


def _names(text: str) -> list[str]:
    return [m.value for m in find_pii(text, types=["name"])]


@pytest.mark.parametrize("text, expected", [
    ("我要给我们村的伍会计转个账怎么弄", ["伍"]),
    ("那天跟我一起来的还有我们单位的凌会计", ["凌"]),
    ("请何出纳签字", ["何"]),
    ("单位的方会计说要盖章", ["方"]),  # an everyday-word surname after 的
    # the job in other senses, or a surname that is a verb for the work: nobody named
    ("我是学会计的", []),
    ("我是管会计的", []),
    ("管会计的人不在", []),
    ("他在公司当会计", []),
    ("成本会计核算", []),
    ("注册会计师考试", []),
    ("我们公司方会计", []),  # an everyday-word surname in running text: left alone
])
def test_office_jobs_after_a_surname(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("找一下你们王组长", ["王"]),
    ("李店长说可以退", ["李"]),
    ("周副行长签的字", ["周"]),
    ("刘叔帮我办的", ["刘"]),
    ("王婶借了我五千", ["王"]),
    ("李奶奶的存折", ["李"]),
    ("赵大娘不会用手机", ["赵"]),
    ("张护士很耐心", ["张"]),
    # the title as part of a word, or words before it
    ("我小组长说", []),
    ("我表叔说", []),
    ("我大婶说", []),
    ("我二叔说", []),
    ("他是士大夫", []),
    ("老奶奶的卡", []),
    ("服务员个个是祖奶奶", []),
    ("那位门童大叔还仔细介绍", []),
    ("一直想1元抄底奶奶的熊", []),
    ("经导诊护士分诊", []),
    ("连毛爷爷都打了水光", []),
    ("相信叔说的", []),
    ("我们副总说", []),
    # and the second batch (校长 … 姨), after a lone surname only
    ("我们王校长让我来办", ["王"]),
    ("是邓教练推荐的", ["邓"]),
    ("是晏记者报道的", ["晏"]),
    ("我让刘姨先垫上", ["刘"]),
    ("李伯伯的存单", ["李"]),
    ("学校长期没人管", []),
    ("工厂长期停产", []),
    ("他读博士", []),
    ("本报记者", []),
    ("我小姨说", []),
    ("明天鹏博士真的涨停", []),
    ("封路，严防记者采访", []),
    ("法国人教练佩兰", []),
    ("毛主席故居", []),  # 主席 was tried and dropped
    ("//@马伯庸:唉", []),  # and 伯: a given-name character
])
def test_more_titles(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("贵行保安老黄还算热心，帮我叫了值班经理", ["黄"]),
    ("司机小谭说路上堵", ["谭"]),
    ("门卫老郑人很好", ["郑"]),
    ("护士小周很耐心", ["周"]),
    ("保洁阿姨老苗捡到了我的卡", ["苗"]),
    ("物业保安老蒙帮我报的警", ["蒙"]),
    # words after the job, not nicknames
    ("保安小哥还挺帅", []),
    ("司机老婆也来了", []),
    ("司机小心点", []),
    ("保安老是不在", []),
    ("保洁小时工还没来", []),
])
def test_more_staff_before_a_nickname(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("我们老板万总让我来问一下授信的事", ["万"]),
    ("你们常总在吗", ["常"]),
    ("领导方总说可以", ["方"]),
    ("我们老板王总", ["王"]),
    # 总 as a word, or a function word before it
    ("我们都总是加班", []),
    ("我们有总共三张卡", []),
    ("我们平总是加班", []),
    ("他们成总结了经验", []),
    # an everyday-word surname before a title right after 一下 (round 12)
    ("找一下任主任", ["任"]),
    ("麻烦叫一下景经理", ["景"]),
    ("问一下和经理沟通的结果", []),
])
def test_zong_after_a_boss_or_group(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("你们那个工号5086的客服，叫晓雨还是什么，说话很客气", ["晓雨"]),
    ("她叫思彤", ["思彤"]),
    ("那个员工叫美欣，态度很好", ["美欣"]),
    ("那个经理好像叫梓萱，挺热情的", ["梓萱"]),
    # words, kinds of things and calling out
    ("帮我叫外卖", []),
    ("叫醒服务没有用", []),
    ("店名叫小雨", []),  # 小雨 is a word
    ("什么叫纯素啊", []),
    ("如果那叫湖景的话", []),
    ("很多叫湖光的别墅区", []),
    ("我叫王晓雨", ["王晓雨"]),  # a full name: the cue rules' (unchanged)
    ("她叫文静", ["文静"]),  # a word, but after 她叫 a name
    ("你们那个工号3390的客服，好像叫安琪，态度很好", ["安琪"]),  # a surname, then 琪
    ("叫高手来", []),
    ("叫车来接", []),
])
def test_given_name_alone_after_jiao(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("我老婆叫蒋丽草头蒋美丽的丽", ["蒋丽", "草头蒋"]),
    ("我叫张伟弓长张", ["张伟", "弓长张"]),
    # unchanged: a spelling after 姓, and one before its repeat
    ("我姓张弓长张", ["张", "弓长张"]),
    ("户名是草头蒋的蒋，蒋秀芝", ["草头蒋", "蒋", "蒋秀芝"]),
])
def test_name_running_into_a_spelling(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("李锦记蚝油的订单重复扣款了", []),
    ("王小卤的优惠券领了用不了", []),
    ("在吴裕泰买茶叶用的是信用卡", []),
    ("我在周大福消费的那笔能分期吗", []),
    ("去周大福买的金项链", []),
    # people: 记得 is remembering, a person's takeaway order, buying from a person 那里
    ("李锦记得我", ["李锦"]),
    ("我妈在刘秀英那里买的保险", ["刘秀英"]),
    ("卡在张伟那买的", ["张伟"]),
    ("张银平外卖员送错了", ["张银平"]),
])
def test_brands_and_shops(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("张艺谋的电影票能打折吗", []),
    ("郭德纲的相声票", []),
    ("宋小宝的段子", []),
    ("沈腾的电影票能打折吗", []),
    # a surname and a title before the same words: a teacher, a person
    ("我还去传媒大学听过谭老师的电影课", ["谭"]),
    ("张老师的粉丝", ["张"]),
])
def test_public_figures_works(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("后来赵铁柱就不接我电话了", ["赵铁柱"]),
    ("我儿子王梓辰今年八岁", ["王梓辰"]),
    ("李子墨的卡丢了", ["李子墨"]),
    # the characters in words: nobody named
    ("坐高铁去上海", []),
    ("地铁站的ATM", []),
    ("星辰大海", []),
    ("墨水洒了", []),
    ("诞辰一百周年", []),
    ("钢铁侠的手办", []),
])
def test_more_given_name_characters(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("老樊让我来问问", ["樊"]),
    ("找一下你们小栾", ["栾"]),
    ("老戚说的", ["戚"]),
    ("叫小殷的那个柜员很耐心", ["殷"]),
    # words after 小/老 and such a surname
    ("这简直是小巫见大巫", []),
    ("老舒服了", []),
    ("小寿星过生日", []),
    ("老厉害了", []),
    ("小芦笋炒肉", []),
    ("小郁闷", []),
])
def test_nicknames_of_rarer_surnames(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("接电话的是个姓芮的小伙子", ["芮"]),
    ("办卡的是姓邝的经理", ["邝"]),
    ("这是个姓氏", []),
    ("这是姓名栏", []),
    ("这是个姓名", []),
])
def test_shi_ge_xing(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("我老公马建设的卡在我这", ["马建设"]),
    ("贵行员工陈建设私自挪用客户资金", ["陈建设"]),
    ("我爸叫王胜利", ["王胜利"]),
    # the same words after a cue, with no surname before them
    ("我爸建设银行的卡", []),
    ("我妈文化程度低", []),
    ("我老公和平时一样", []),
    ("我哥解放了", []),
    ("我爸前进了一步", []),
])
def test_era_given_names(text, expected):
    assert _names(text) == expected


def _addresses(text: str) -> list[str]:
    return [m.value for m in find_pii(text, types=["address"])]


@pytest.mark.parametrize("text, expected", [
    ("地址是厦门市思明区，鹭江道，8号", ["厦门市思明区，鹭江道，8号"]),
    ("地址是思明区，鹭江道，8号", ["思明区，鹭江道，8号"]),
    ("现住：万科金域华府11-2-1803", ["万科金域华府11-2-1803"]),
    ("住址保利香槟国际C区9-2-301", ["保利香槟国际C区9-2-301"]),
    # unchanged: an address with a road; no address in these
    ("寄到杭州市西湖区文三路478号3-2-1201", ["杭州市西湖区文三路478号3-2-1201"]),
    ("我知道，3个都要", []),
    ("味道，五星好评", []),
    ("地址是2024-01-15改的", []),
    ("住在那边2-3-2024年", []),
    ("订单号万科金域华府11-2-1803", []),  # no address cue before the dashed number
])
def test_addresses(text, expected):
    assert _addresses(text) == expected


def test_masking_follows():
    assert mask_pii("我们老板万总让我来问一下") == "我们老板[姓名]总让我来问一下"
    assert mask_pii("李锦记蚝油的订单重复扣款了") == "李锦记蚝油的订单重复扣款了"
