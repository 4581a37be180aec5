"""What each sentence is on the page: prose, heading, caption, credit, byline, dateline, note…

Input: the article text, its sentences, `Article.blocks` (roles extraction
read from the DOM; empty for pasted text), the language and the title.
Output: the sentences — a dateline or byline that opens a paragraph
("新华社北京4月24日电（记者 X）", "NEW YORK (Reuters) -") peeled off as a
sentence of its own, so the lede after it can still be a point — and one role
per sentence. Only prose may become a TL;DR, a key point, a quote or a
figure; a heading may inform ranking but is never shown.

A block role from extraction wins. Otherwise textual cues decide, in both
languages, and each exists because a reader sees it as page furniture on news
pages in general (the issue-12 reading of 27 pages; checked 2-fold with
`python -m bench digest --split A|B`):
- credit: 图片来源/图源/供图/摄/视觉中国/资料图, "(Photo: …)", "Getty Images";
  a short paragraph holding a credit is a caption as a whole;
- caption: 图为…, a paragraph of one very short sentence ("共享充电宝。");
- byline: 记者 X 报道, 文/X, 作者：, 责任编辑, 来源：, By X, "Reporting by …";
- dateline: 新华社X月X日电, IT之家X月X日消息, all-caps "CITY (Agency) -", an
  agency alone where extraction lost the city ("(AP) — A cat…"), time stamps;
- note: 编者按/开栏的话/【编前语】 (with the rest of its paragraph), copyright
  lines, "首发于…公众号", wiki maintenance boxes ("本条目存在以下问题", "维基百科不是…",
  "请协助改善…"), a listed company's statutory disclaimer ("保证公告内容的真实、准确和
  完整，对…虚假记载、误导性陈述或者重大遗漏负连带责任", atop every A-share
  announcement), lines with a web address,
  Markdown table rows ("| DL | Sheldon Richardson | 49 | 66% |");
- promo: subscribe/share/download/scan prompts, "发送…到10086" SMS ads, 广告;
- heading: a paragraph of one short line without final punctuation, a short
  question standing alone, a 【label】, a short line opening with a
  zero-padded section number ("01《热辣滚烫》，…更重要的是...", "02减肥100斤"),
  or a line repeating the title.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from summarizer.models import Block, Lang, Role, Sentence
from summarizer.text.alternations import Alternation, union
from summarizer.text.caseless import fold

__all__ = ["furniture_spans", "label_sentences", "textual_role"]

_HEADING_CHARS = 40  # a Chinese line at most this long without 。！？ is a heading
_HEADING_WORDS = 15  # the same in English words
_TINY = {"zh": 8, "en": 3}  # a paragraph this short (chars / words) is a caption
_QUESTION_CHARS = {"zh": 30, "en": 12}  # a question standing alone this short is a heading
_CAPTION_PARAGRAPH = 150  # characters: a paragraph with a credit and no more is a caption
_CAPTION_BEFORE_CREDIT = 80  # characters: a paragraph this short before a lone credit too
TITLE_SHARE = 0.6  # a line this close in length to the title it contains (or is in) repeats it
TITLE_OPENS = 8  # characters: a line opening with a headline this long repeats it
# A zero-padded section number opening a short line ("01《热辣滚烫》，比起减肥，更重要的是...",
# "02减肥100斤"): a subhead of a numbered feature, whatever punctuation ends it; a clock
# time ("00:00") or a number run ("0.5", "05-12") is none.
_SECTION_NUMBER = re.compile(r"^0[1-9](?![\d:：.．/／-])")
_ENDS = tuple("。！？!?…；;.\"'”’」』）)")


def _any(*alternatives: str, ignore_case: bool = False) -> Alternation:
    """One cue's alternatives (`text.alternations`: an English sentence's five cues took
    18 µs, 6 % of a digest, and take 6). So that `re` can skip to where a cue may start,
    case-insensitive cues are written in lower case, and no alternative opens with a
    group or a repeat: "摄" ends a credit where "\\S{0,16}摄" did, "(?:下载|打开)…" is two."""
    return Alternation(alternatives, ignore_case=ignore_case)


_ZH_NAME = r"[\u4e00-\u9fff·、\s]{2,20}"
# A Markdown table row from extraction ("| DL | Sheldon Richardson | 49 | 66% |"): cells, not
# prose — never a point, quote or figure (the lead's reading of unlabelled scrapinghub pages).
_TABLE_ROW = r"^\|(?:[^|\n]*\|){2,}"
_CUES: dict[Lang, tuple[tuple[Role, Alternation], ...]] = {
    "zh": (
        ("credit", _any(
            r"图片来源", r"图源[:：]", r"图片提供", r"供图", r"视觉中国", r"资料图", r"配图",
            r"图虫", r"东方IC", r"摄影[:：]", r"摄[）)]?\s*$", r"截图\s*$",
            r"^[（(]?(?:图|图片|摄影|视频)\s*[/／|｜:：]",
        )),
        ("caption", _any(r"^图为", r"^[（(]?图\d+[）)]")),
        ("heading", _any(r"^题[:：]")),
        ("byline", _any(
            rf"^[（(]?(?:本报|本台|特约)?(?:记者|通讯员)\s*{_ZH_NAME}(?:报道|采写)?[）)]?\s*$",
            r"^(?:文|作者|撰文|编辑|责任编辑|责编|审核|校对|监制|出品|策划|统筹|编审|来源|原标题"
            r"|本文来源|文章来源|图文)\s*[|｜/／:：]",
            r"责任编辑[:：]", r"^[（(]记者",
            r"^[（(]\s*[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4})*\s*[）)]$",
        )),
        ("dateline", _any(
            r"^[^，。\s]{2,10}?[网社台报]讯\s*$",
            r"^\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?\s*\d{1,2}:\d{2}",
            r"^[^，。\s]{2,12}\d{1,2}月\d{1,2}日(?:电|讯|消息)\s*$",
        )),
        ("note", _any(
            r"^【?(?:编者按|编者的话|开栏的话|编前语|编后语|记者手记|免责声明|版权声明)",
            r"版权所有", r"未经授权", r"不得转载", r"首发于", r"本文(?:来自|转载自|经授权)",
            r"公众号[（(]", r"本条目", r"此条目", r"https?://", r"www\.", _TABLE_ROW,
            r"维基百科(?:不是|收录标准)", r"请(?:协助|帮助)改(?:善|进)", r"本模板",
            r"保证(?:本)?公告内容(?:的)?真实、准确(?:和|、)完整",
            r"虚假记载、误导性陈述或者?重大遗漏",
        )),
        ("promo", _any(
            r"点击(?:进入|查看|阅读|关注|下载)", r"扫码", r"扫描二维码", r"长按(?:识别|二维码)",
            r"关注(?:我们|公众号|微信)", r"订阅", r"下载.{0,6}(?:APP|App|客户端)",
            r"打开.{0,6}(?:APP|App|客户端)", r"分享到", r"转播到", r"阅读原文",
            r"更多精彩", r"相关阅读", r"延伸阅读", r"推荐阅读", r"相关新闻", r"^广告$",
            r"发送[^，。]{0,16}到\s*\d{4,}",
        )),
    ),
    "en": (
        ("credit", _any(
            r"\((?:photo|image|picture|video|credit|source)s?(?: by)?:",
            r"^(?:photo|image|picture|credit|photograph|illustration)s?(?: by)?:",
            r"getty images", r"ap photo", r"reuters/", r"shutterstock", r"istock",
            ignore_case=True,
        )),
        ("byline", _any(
            r"^By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
            r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*\s*$",
            r"^[(\[]?(?:Reporting|Additional reporting|Writing|Editing|Compiled|Written"
            r"|Reviewed|Tested|Edited|Produced) by\b",
        )),
        ("dateline", _any(r"^(?:published|updated|posted|last updated)\b", ignore_case=True)),
        ("note", _any(
            r"All rights reserved", r"©", r"Copyright \d", r"https?://", r"www\.", _TABLE_ROW,
            r"Please help improve this article",
        )),
        ("promo", _any(
            r"^(?:subscribe|sign up|click here|read more|related:|advertisement|share this"
            r"|follow us|download|watch:|listen:|start your day)\b",
            r"newsletter",
            ignore_case=True,
        )),
    ),
}  # fmt: skip
_ANY_CUE = {lang: union(cue for _, cue in cues) for lang, cues in _CUES.items()}
# A dateline or byline opening a sentence, peeled off its lede.
_PREFIX: dict[Lang, re.Pattern[str]] = {
    "zh": re.compile(
        r"^(?:[^，。：\s“”]{2,12}?\d{1,2}月\d{1,2}日(?:电|讯|消息)|[^，。：\s“”]{2,10}?[网社台报]讯"
        r"|(?:本报|本台)(?:讯|记者\s*[\u4e00-\u9fff]{2,4})|【[^】]{2,40}?(?:报道|讯|电|消息)】"
        r"|[^，。：\s“”]{2,10}?讯\s*\d{1,2}月\d{1,2}日[^，。：\s]{0,4}?(?:电|讯|消息)"
        r"|(?:【#[^】]{2,60}#】\s*|#[^#\s]{2,40}#\s*)+)"
        r"\s*(?:[（(][^）)]{1,40}[）)]|记者\s*[\u4e00-\u9fff、\s]{2,16}?(?=\s|报道))?"
        r"\s*(?:报道)?[\s，：:]*"
    ),
    "en": re.compile(
        r"^(?:[A-Z][A-Z.'’-]{2,}(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,4}\s*(?:\([^)]{2,40}\))?"
        r"|\((?:AP|AFP|Reuters|Bloomberg|UPI|CNN|dpa|Xinhua)\))\s*[-—–]{1,2}\s+"
    ),
}


def textual_role(sentence: str, lang: Lang) -> Role:
    """The role a sentence's own words give it ("prose" when no cue fires)."""
    text = sentence.strip()
    folded = fold(text) if lang == "en" else None  # the Chinese cues all heed case
    if not any(cues.search(text, folded) for cues in _ANY_CUE[lang]):
        return "prose"  # most sentences: one or two searches instead of one per role
    for role, cue in _CUES[lang]:
        if cue.search(text, folded):
            return role
    return "prose"


def label_sentences(
    text: str,
    sentences: list[Sentence],
    lang: Lang,
    *,
    blocks: tuple[Block, ...] = (),
    title: str | None = None,
) -> tuple[list[Sentence], list[Role]]:
    """The sentences (opening datelines peeled off) and each one's role."""
    peeled, heads = _peel(text, sentences, lang)
    roles: list[Role] = [
        "dateline" if i in heads else _block_role(blocks, s) or textual_role(s.text, lang)
        for i, s in enumerate(peeled)
    ]
    paragraphs: dict[int, list[int]] = {}
    for i, sentence in enumerate(peeled):
        paragraphs.setdefault(sentence.paragraph, []).append(i)
    groups = list(paragraphs.values())
    for members in groups:
        _paragraph_roles(peeled, roles, members, lang, title)
    for before, after in itertools.pairwise(groups):
        if all(roles[i] == "credit" for i in after) and _short(peeled, before):
            for i in before:
                roles[i] = "caption"
    return peeled, roles


def furniture_spans(sentences: list[Sentence], roles: list[Role]) -> list[tuple[int, int]]:
    """`(start, end)` of every sentence that is not prose: no figure is read from them."""
    return [(s.start, s.end) for s, role in zip(sentences, roles, strict=True) if role != "prose"]


def _block_role(blocks: tuple[Block, ...], sentence: Sentence) -> Role | None:
    for block in blocks:
        if block.start <= sentence.start < block.end and block.role != "prose":
            return block.role
    return None


def _paragraph_roles(
    sentences: list[Sentence], roles: list[Role], members: list[int], lang: Lang, title: str | None
) -> None:
    """Roles a paragraph as a whole gives: a caption with its credit, a heading line."""
    paragraph = "".join(sentences[i].text for i in members)
    if any(roles[i] == "credit" for i in members) and len(paragraph) <= _CAPTION_PARAGRAPH:
        for i in members:
            roles[i] = "credit" if roles[i] == "credit" else "caption"
        return
    if roles[members[0]] == "note":  # an editor's note runs to the end of its paragraph
        for i in members:
            roles[i] = "note"
        return
    if len(members) == 1 and roles[members[0]] == "prose":
        roles[members[0]] = _line_role(paragraph, lang, title)


def _short(sentences: list[Sentence], members: list[int]) -> bool:
    """A paragraph short enough to be the caption of the credit after it."""
    return sum(len(sentences[i].text) for i in members) <= _CAPTION_BEFORE_CREDIT


def _line_role(line: str, lang: Lang, title: str | None) -> Role:
    """A one-sentence paragraph: a heading, a caption-sized fragment, or prose."""
    stripped = line.strip()
    size = len(stripped) if lang == "zh" else len(stripped.split())
    if re.fullmatch(r"【[^】]{1,30}】", stripped) or (title and _says_title(stripped, title)):
        return "heading"
    limit = _HEADING_CHARS if lang == "zh" else _HEADING_WORDS
    if _SECTION_NUMBER.match(stripped) and size <= limit:
        return "heading"
    if size <= _TINY[lang]:
        return "caption"
    if not stripped.endswith(_ENDS) or stripped.endswith((":", "：")):
        return "heading" if size <= limit else "prose"
    if stripped.endswith(("？", "?")) and size <= _QUESTION_CHARS[lang]:
        return "heading"
    return "prose"


def _says_title(line: str, title: str) -> bool:
    """The line is the headline again (ignoring spaces and case): one contains the
    other at a similar length, or the line opens with a headline of some length
    ("Title 2024-05-20 来源：…"). A sentence merely mentioning a short title is prose."""
    a, b = "".join(line.split()).lower(), "".join(title.split()).lower()
    shorter, longer = sorted((a, b), key=len)
    if len(b) >= TITLE_OPENS and a.startswith(b):
        return True
    return len(shorter) >= 4 and shorter in longer and len(shorter) >= TITLE_SHARE * len(longer)


def _peel(text: str, sentences: list[Sentence], lang: Lang) -> tuple[list[Sentence], set[int]]:
    """Split an opening dateline/byline off any sentence it starts.

    Returns the sentences and the indices of the peeled-off datelines.
    """
    out: list[Sentence] = []
    heads: set[int] = set()
    for sentence in sentences:
        match = _PREFIX[lang].match(sentence.text)
        cut = sentence.start + match.end() if match else sentence.start
        if match and sentence.end - cut >= _TINY[lang]:
            head_end = sentence.start + len(match.group().rstrip(" \t\n，：:-—–"))
            heads.add(len(out))
            out.append(replace(sentence, text=text[sentence.start : head_end], end=head_end))
            sentence = replace(sentence, text=text[cut : sentence.end], start=cut)
        out.append(sentence)
    return [s if s.index == i else replace(s, index=i) for i, s in enumerate(out)], heads
