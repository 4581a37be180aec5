"""What may stand next to a number, and what it makes the number mean.

Pure data plus the regexes built from it, for `figures`: currency symbols and
names with their ISO 4217 codes, percent forms, measures, counters and the
nouns that make a count newsworthy (people, users, companies). Every regex
tries longer names first, so "元人民币" wins over "元" and "us dollars" over
"dollars". Regexes run on `numbers.to_halfwidth` text, case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

import rjieba

__all__ = [
    "AGO_RE",
    "COUNTABLE_NOUNS",
    "CURRENCY_PREFIX_RE",
    "CURRENCY_SUFFIX_RE",
    "DURATION_RE",
    "EN_PLURAL_RE",
    "MEASURE_RE",
    "MONEY_TAIL_RE",
    "PEOPLE_UNITS",
    "PERCENT_PREFIX_RE",
    "PERCENT_SUFFIX_RE",
    "TIME_UNIT_RE",
    "WINDOW_RE",
    "YEARS_RE",
    "ZH_COUNTER_RE",
    "named_currency",
    "scale_worth",
    "subunit_worth",
    "symbol_currency",
]

# Currency names as written → ISO 4217 (historic codes for pre-euro currencies).
_CURRENCY_NAMES = {
    "USD": "美元|美金|美圆|usd|us dollars|us dollar|u.s. dollars|dollars|dollar|bucks",
    "CNY": "元人民币|人民币|元|块钱|块|rmb|cny|chinese yuan|yuan|renminbi|kuai",
    "EUR": "欧元|eur|euros|euro",
    "GBP": "英镑|gbp|pounds sterling|sterling",
    "HKD": "港元|港币|hkd|hong kong dollars",
    "JPY": "日元|日圆|jpy|yen",
    "TWD": "新台币|台币|twd",
    "KRW": "韩元|krw|won",
    "CHF": "瑞士法郎|chf|swiss francs|swiss franc",
    "CAD": "加元|加拿大元|cad|canadian dollars",
    "AUD": "澳元|澳大利亚元|aud|australian dollars",
    "NZD": "新西兰元|nzd|new zealand dollars",
    "SGD": "新加坡元|sgd|singapore dollars",
    "INR": "卢比|inr|rupees|rupee",
    "RUB": "卢布|rub|rubles|roubles|ruble",
    "TRY": "里拉|turkish lira|lira",
    "MXN": "墨西哥比索|mxn|pesos|peso",
    "FRF": "法郎|francs|franc",
    "DEM": "马克|deutsche marks|marks",
    "ESP": "pesetas|peseta",
    "NLG": "dutch guilders|guilders|guilder",
    "FIM": "finnish markka|markka",
    "BTC": "个比特币|比特币|btc|bitcoins|bitcoin",
}
# A hundredth of a currency: the value is divided by 100.
_SUBUNITS = {"美分": "USD", "cents": "USD", "cent": "USD", "pence": "GBP", "penny": "GBP"}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SYMBOLS = {
    "us$": "USD",
    "u.s.$": "USD",
    "u.s$": "USD",
    "usd$": "USD",
    "hk$": "HKD",
    "c$": "CAD",
    "cad$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "aud$": "AUD",
    "nz$": "NZD",
    "nzd$": "NZD",
    "s$": "SGD",
    "nt$": "TWD",
    "mex$": "MXN",
    "mxn$": "MXN",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "₹": "INR",
    "₩": "KRW",
    "￥": "CNY",
    "¥": "CNY",
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
    "₿": "BTC",
    "₽": "RUB",
    "₺": "TRY",
    "₱": "PHP",
    "₫": "VND",
    "₦": "NGN",
    "₪": "ILS",
    "฿": "THB",
}
_GLUED_ONLY = frozenset({"a$", "s$"})  # "a $5" is an article; "A$5" is Australian
_SIGNS = "".join(s for s in _SYMBOLS if len(s) == 1)
# "MUSD 60", "120 MEUR": finance shorthand for millions of a currency.
_MILLIONS = {f"m{code.lower()}": code for code in ("USD", "EUR", "GBP", "AUD", "CAD", "CHF")}
_CODE_PREFIXES = "|".join(["usd|eur|gbp|rmb|cny|jpy|hkd|chf|人民币|美元|港币", *_MILLIONS])

_NAMES: dict[str, str] = {
    name: code for code, names in _CURRENCY_NAMES.items() for name in names.split("|")
}


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so a regex alternation prefers "元人民币" over "元"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _symbol_pattern(symbol: str) -> str:
    """`us$` also matches "us $" and "u.s $" as tokenised news text writes it."""
    glue = "" if symbol in _GLUED_ONLY else r"\s?"
    return glue.join(re.escape(part) for part in re.split(r"(?=\$)", symbol) if part)


_SYMBOL_ALT = "|".join(_symbol_pattern(s) for s in sorted(_SYMBOLS, key=len, reverse=True))

CURRENCY_PREFIX_RE = re.compile(
    rf"(?:(?<![A-Za-z])(?P<symbol>{_SYMBOL_ALT})|(?<![A-Za-z])(?P<code>{_CODE_PREFIXES}))\s*$",
    re.IGNORECASE,
)
"""Searched on the text just left of a number: "$", "HK$", "us $", "USD ", "人民币"."""

CURRENCY_SUFFIX_RE = re.compile(
    rf"[\s-]?(?:(?P<sub>{_alternation(_SUBUNITS)})|(?P<name>{_alternation([*_NAMES, *_MILLIONS])})"
    rf"(?![A-Za-z])(?P<scale>\s(?:{'|'.join(_SCALES)})(?![A-Za-z]))?|(?P<symbol>[{_SIGNS}]))",
    re.IGNORECASE,
)
"""Right of a number: "元", "亿美元" (亿 is in the number), " euros", " USD million", " €"."""

# After an amount, its smaller change: "3 dollars 50 cents", "五元三毛", "15 dollars and 50".
MONEY_TAIL_RE = re.compile(
    r"(?:\s(?:and\s)?|又|零)?(?P<number>\d{1,2}|[一二两三四五六七八九十]{1,3}"
    r"|[a-z]+(?:[\s-][a-z]+)?)\s?(?P<sub>cents?|美分|角|毛|分)?",
    re.IGNORECASE,
)
_SUBUNIT_WORTH = {"角": Decimal("0.1"), "毛": Decimal("0.1")}

PERCENT_PREFIX_RE = re.compile(
    r"(?:(?P<scale>[百千万萬仟佰]+)\s*分\s*之|(?P<word>per\s?cents?|percents?)\s+of)\s*$",
    re.IGNORECASE,
)
"""Left of a number: 百分之五, 千分之三, 百万分之五, "per cent of 22"."""

PERCENT_SUFFIX_RE = re.compile(
    r"\s?(?:(?P<sign>%)|(?P<mille>‰)|(?P<point>\s*[个個]?\s*百\s*分\s*[点點])"
    r"|(?P<word>per\s?cent(?:age)?s?|percent(?:age)?s?)(?![a-z])"
    r"|(?P<tenth>成(?![为為员員立长長熟果交就功本都绩績])(?:[一二三四五六七八九半])?)"
    r"|(?P<discount>折(?![合算旧叠射扣腾磨服]))"
    r"|(?P<times>倍))",
    re.IGNORECASE,
)
"""Right of a number: %, per cent, 个百分点, 三成 (30%), 八折 (80%), 3倍."""

TIME_UNIT_RE = re.compile(
    r"\s?-?(?:年|个月|個月|月|日|号|號|天|周|星期|小时|小時|分钟|分鐘|秒|岁|歲|世纪|点钟"
    r"|years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century"
    r"|am|pm|a\.m\.|p\.m\.|st|nd|rd|th|s)(?![A-Za-z])",
    re.IGNORECASE,
)
"""Right of a number, it makes a date, age, duration or ordinal: not a count."""

DURATION_RE = re.compile(
    r"\s?-?(?P<unit>天|小时|小時|个月|個月|周(?!年)|星期|分钟|分鐘"
    r"|days?|hours?|weeks?|months?|minutes?)(?![A-Za-z])",
    re.IGNORECASE,
)
"""Right of a number, a span of time worth showing: 72小时, 7天, "75 days" (not years)."""
YEARS_RE = re.compile(r"\s?(?:年(?![代级級初底末中度])|years?(?![A-Za-z]))", re.IGNORECASE)
"""Right of a number, years: a date or a span (2015年, 30年), a span only when huge."""
AGO_RE = re.compile(r"\s?(?:以前|之前|前|以后|之后|后|ago|later|earlier)(?![A-Za-z])")
"""After a duration, a point in time: 3天前, "two months ago"."""
WINDOW_RE = re.compile(r"(?:\b(?:past|last|previous|recent)|过去|最近|近)\s?$", re.IGNORECASE)
"""Before a duration, the period a statistic covers: "the past 12 months", 过去30天."""

_MEASURES = (
    "平方公里|平方千米|平方米|平方英尺|立方米|公顷|英亩|亩|千米|公里|厘米|毫米|公分|海里|米|吨|公斤|千克|毫克"
    "|微克|克|斤|毫升|升|加仑|千瓦时|兆瓦时|千瓦|兆瓦|吉瓦|瓦|千兆赫兹|兆赫兹|千兆赫|兆赫|赫兹|千卡|大卡|卡路里|字节|兆字节"
    "|比特|桶|英里|英尺|英寸|摄氏度|华氏度|℃|℉|马力|像素|牛米|焦耳|电子伏特|光年|点"
    "|square kilometers|square kilometres|square meters|square metres|square miles|square feet"
    "|cubic feet|cubic meters|metric tons|metric tonnes|kilometers|kilometres|kilometer|kilometre"
    "|centimeters|centimetres|millimeters|millimetres|decimeters|decimetres|picometers|picometres|picometer|picometre"
    "|nanometers|nanometres|meters|metres|meter|metre|miles|mile|nautical miles|feet|foot"
    "|inches|inch|acres|acre|hectares|hectare|tonnes|tonne|tons|ton|kilograms|kilogram"
    "|kilogrammes|grams|gram|grammes|gramme|gms|gm|micrograms|microgram|microgrammes|milligrams|pounds|lbs"
    "|ounces|ounce|barrels|barrel|gallons|gallon|liters|litres|liter|litre|milliliters"
    "|millilitres|tablespoons|tablespoon|teaspoons|teaspoon|cups|cup|calories|kilocalories"
    "|megawatts|gigawatts|kilowatts|watts|megawatt-hours|kilowatt-hours|horsepower"
    "|degrees celsius|degrees fahrenheit|degrees|light-years|light years|bits|bit|bytes|byte"
    "|pixels|megapixels|mph|km2|km/h|kmph|kph|kmh|km|cm|mm|nm|dm|ml|kg|mg|μg|mcg|ghz|mhz|khz|hz"
    "|twh|gwh|mwh|kwh|gw|mw|kw|tev|gev|mev|kev|ev|mb|gb|tb|kb|ft|mi|°c|°f|°|nm|ps|hp|m"
    "|(?-i:L(?!-))"  # litres: "2 L"; a lower-case "l" is too often something else
)
# A rate: "188 miles an hour", "10 km per hour", "50 km/ms"; a half: "一吨半".
_PER = r"(?:\s?/\s?|\sper\s)(?:hour|hr|h|second|sec|s|millisecond|ms|day|year|capita)|\san\shour"
MEASURE_RE = re.compile(
    rf"(?:\s|-)?(?P<unit>{_MEASURES})(?:{_PER})?(?![A-Za-z0-9])(?P<half>半)?", re.IGNORECASE
)
"""Right of a number: km, 亩, tonnes, 3-inch, 120Hz, 2 L, 188 miles an hour."""

_ZH_COUNTERS = (
    "人次|个|個|名|位|部|家|款|台|辆|只|条|件|本|张|次|场|座|所|篇|项|种|户|套|架|艘|颗|枚|份"
    "|支|批|间|栋|幢|首|集|例|起|处|笔|单|页|株|头|匹|针|枚|轮|帳|帐|章|节|卷|册|门"
)
COUNTABLE_NOUNS = (
    "用户|会员|员工|客户|消费者|观众|网民|玩家|粉丝|学生|游客|乘客|居民|患者|人口|人"
    "|企业|公司|门店|商家|城市|国家|电影|影片|产品|项目|订单|家庭|岗位|店"
    "|people|persons|users|customers|subscribers|members|employees|workers|jobs|staff"
    "|visitors|tourists|passengers|students|children|residents|patients|deaths|cases|votes"
    "|households|homes|companies|firms|stores|shops|shares|units|vehicles|cars|films|movies"
    "|downloads|views|copies|followers|viewers|readers|consumers|players|buyers|sellers"
)
ZH_COUNTER_RE = re.compile(
    rf"\s?(?:(?P<counter>{_ZH_COUNTERS})(?:(?P<noun>{COUNTABLE_NOUNS})(?![级級]))?"
    rf"|(?P<bare>{COUNTABLE_NOUNS}))"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
"""Right of a number: 24部电影 (unit 部), 6000万用户 (unit 用户), 2 million users."""

_COMPOUND_LOOK = 4


def counted_end(plain: str, counted: re.Match[str]) -> int:
    """Where a count ends: its noun is left out when the noun begins a longer word.

    In 9项国家专利 the 国家 is "national" (jieba reads 国家专利 as one word), so
    the count is 9项, not "9项国家" (the editor's reading of 46 digests); in
    3家企业参与 the noun 企业 stands alone and stays.
    """
    for group in ("noun", "bare"):
        start, end = counted.span(group)
        if start < 0 or not plain[start:end].isalpha() or plain[start:end].isascii():
            continue
        first = rjieba.cut(plain[start : end + _COMPOUND_LOOK])[0]
        if len(first) > end - start:
            return start
    return counted.end()


_NOT_COUNTED = (
    r"(?:always|perhaps|towards|afterwards|besides|sometimes|whereas|does|goes|was|has"
    r"|[a-z-]*(?:ths|thirds|halves|quarters|seconds|firsts|dozens|hundreds|thousands"
    r"|millions|billions|trillions))\b"
)
EN_PLURAL_RE = re.compile(
    rf"\s(?:[a-z]{{3,}}(?<![sd])\s)?(?!{_NOT_COUNTED})(?P<unit>(?:[a-z]+-)?[a-z]{{2,}}(?<![sui])s)(?![\w-])"
)
"""Right of a number, a lower-case English plural is what it counts: "10 airbags", "34 points".

One adjective may stand between ("120 hardworking employees", "5 million new
users"); not one ending in -s or -d, which reads as a verb or another noun.

Case-sensitive: "5 Tips" is a headline, not five tips. Not counted: words that
are no plurals (-ss, -us, -is, "was"), fractions and scales ("three fifths",
"two dozens", "hundreds")."""

PEOPLE_UNITS = frozenset(
    re.split(
        r"\|",
        "人|人次|名|位|户|用户|会员|员工|客户|消费者|观众|网民|玩家|粉丝|学生|游客|乘客|居民|患者|人口"
        "|people|persons|users|customers|subscribers|members|employees|workers|jobs|staff"
        "|visitors|tourists|passengers|students|children|residents|patients|consumers|players"
        "|buyers|viewers",
    )
)
"""Units that make a count about people: ranked right after money."""


def symbol_currency(symbol: str) -> str:
    """ISO 4217 code for a symbol as written: "HK$", "us $", "￥"."""
    return _SYMBOLS[re.sub(r"\s", "", symbol.lower())]


def named_currency(name: str) -> tuple[str, Decimal]:
    """ISO 4217 code for a name ("美元", "euros", "MEUR") and what one of it is worth.

    A subunit ("cents", "美分", "pence") is worth 1/100 of its currency.
    """
    key = re.sub(r"\s+", " ", name.strip().lower())
    if key in _SUBUNITS:
        return _SUBUNITS[key], Decimal("0.01")
    if key in _MILLIONS:
        return _MILLIONS[key], Decimal(10**6)
    return _NAMES[key], Decimal(1)


def scale_worth(word: str | None) -> Decimal:
    """What "million" in "75 USD million" multiplies by (1 when there is no such word)."""
    return Decimal(_SCALES[word.strip().lower()]) if word else Decimal(1)


def subunit_worth(name: str | None) -> Decimal:
    """A change unit's worth in its main unit: 角 and 毛 are tenths, cents and 分 hundredths."""
    return _SUBUNIT_WORTH.get(name or "", Decimal("0.01"))
