"""Arabic for the search index: a port of lunr-languages' lunr.ar stemmer (1.22.0), step by step.

lunr.ar's stemmer is its own algorithm (light stemming after Taghva et al. 2005 and Hadni et al.
2012: diacritics and alef forms normalised, prefixes and suffixes removed by word length, word
patterns mapped to their root form), not a Snowball stemmer, so no Python package gives its
stems. The browser is the reference: tests/search/test_language_parity.py compares this port with
node_modules/lunr-languages/lunr.ar.js on every Arabic word of the data and a list of common words.
The JavaScript's quirks are kept on purpose (see the comments): stems must be identical.
"""

# The word lists are split from strings copied verbatim from lunr.ar.js, so they can be compared.
# ruff: noqa: SIM905

from __future__ import annotations

import functools
import json
import re

# lunr.ar.wordCharacters; lunr.stemmer.support's generateTrimmer adds the digits.
WORD_CHARACTERS = "\u0621-\u065b\u0671\u0640"
_TRIM_START = re.compile(f"^[^{WORD_CHARACTERS}0-9]+")
_TRIM_END = re.compile(f"[^{WORD_CHARACTERS}0-9]+\\Z")

# The list lunr.ar passes to lunr.generateStopWordFilter, copied verbatim (space-separated; it
# holds an empty entry where the JS string has two spaces).
STOP_WORDS = frozenset(
    (
        "، اض امين اه اها اي ا اب اجل اجمع اخ اخذ اصبح اضحى اقبل اقل اكثر الا ام اما امامك امامك امسى اما ان انا انت ان"
        "تم انتما انتن انت انشا انى او اوشك اولئك اولئكم اولاء اولالك اوه اي ايا اين اينما اي ان اي اف اذ اذا اذا اذما "
        "اذن الى اليكم اليكما اليكن اليك اليك الا اما ان انما اي اياك اياكم اياكما اياكن ايانا اياه اياها اياهم اياهما "
        "اياهن اياي ايه ان ا ابتدا اثر اجل احد اخرى اخلولق اذا اربعة ارتد استحال اطار اعادة اعلنت اف اكثر اكد الالاء ال"
        "الى الا الاخيرة الان الاول الاولى التى التي الثاني الثانية الذاتي الذى الذي الذين السابق الف اللائي اللاتي الل"
        "تان اللتيا اللتين اللذان اللذين اللواتي الماضي المقبل الوقت الى اليوم اما امام امس ان انبرى انقلب انه انها او "
        "اول اي ايار ايام ايضا ب بات باسم بان بخ برس بسبب بس بشكل بضع بطان بعد بعض بك بكم بكما بكن بل بلى بما بماذا بمن"
        " بن بنا به بها بي بيد بين بس بله بئس تان تانك تبدل تجاه تحول تلقاء تلك تلكم تلكما تم تينك تين ته تي ثلاثة ثم ث"
        "م ثمة ثم جعل جلل جميع جير حار حاشا حاليا حاي حتى حرى حسب حم حوالى حول حيث حيثما حين حي حبذا حتى حذار خلا خلال "
        "دون دونك ذا ذات ذاك ذانك ذان ذلك ذلكم ذلكما ذلكن ذو ذوا ذواتا ذواتي ذيت ذينك ذين ذه ذي راح رجع رويدك ريث رب زي"
        "ارة سبحان سرعان سنة سنوات سوف سوى ساء ساءما شبه شخصا شرع شتان صار صباح صفر صه صه ضد ضمن طاق طالما طفق طق ظل عا"
        "د عام عاما عامة عدا عدة عدد عدم عسى عشر عشرة علق على عليك عليه عليها عل عن عند عندما عوض عين عدس عما غدا غير  "
        "ف فان فلان فو فى في فيم فيما فيه فيها قال قام قبل قد قط قلما قوة كانما كاين كاي كاين كاد كان كانت كذا كذلك كرب"
        " كل كلا كلاهما كلتا كلم كليكما كليهما كلما كلا كم كما كي كيت كيف كيفما كان كخ لئن لا لات لاسيما لدن لدى لعمر ل"
        "قاء لك لكم لكما لكن لكنما لكي لكيلا للامم لم لما لما لن لنا له لها لو لوكالة لولا لوما لي لست لست لستم لستما ل"
        "ستن لست لسن لعل لكن ليت ليس ليسا ليستا ليست ليسوا لسنا ما ماانفك مابرح مادام ماذا مازال مافتئ مايو متى مثل مذ "
        "مساء مع معاذ مقابل مكانكم مكانكما مكانكن مكانك مليار مليون مما ممن من منذ منها مه مهما من من نحن نحو نعم نفس ن"
        "فسه نهاية نخ نعما نعم ها هاؤم هاك هاهنا هب هذا هذه هكذا هل هلم هلا هم هما هن هنا هناك هنالك هو هي هيا هيت هيا "
        "هؤلاء هاتان هاتين هاته هاتي هج هذا هذان هذين هذه هذي هيهات وا واحد واضاف واضافت واكد وان واها واوضح وراءك وفي "
        "وقال وقالت وقد وقف وكان وكانت ولا ولم ومن وهو وهي ويكان وي وشكان يكون يمكن يوم ايان"
    ).split(" ")
)
# The stemmer's own list (removeStopWords) has one more entry: "و". A word in it is not stemmed.
_UNSTEMMED = STOP_WORDS | {"\u0648"}

_PREFIXES = {
    1: "ف ك ب و س ل ن ا ي ت".split(),
    2: "ال لل".split(),
    3: "بال وال فال تال كال ولل".split(),
    4: "فبال كبال وبال وكال".split(),
}
_SUFFIXES = {
    1: "ه ك ت ن ا ي".split(),
    2: "نك نه ها وك يا اه ون ين تن تم نا وا ان كم كن ني نن ما هم هن تك ته ات يه".split(),
    3: "تين كهم نيه نهم ونه وها يهم ونا ونك وني وهم تكم تنا تها تني تهم كما كها ناه نكم هنا تان يها".split(),
    4: "كموه ناها ونني ونهم تكما تموه تكاه كماه ناكم ناهم نيها وننا".split(),
}
# Word patterns by length and root length ("pt43": 4 letters, root of 3), copied verbatim: each
# "pt" lists letters (any of "c") at positions "l"; "mPt", when present, rebuilds the word.
_PATTERNS = json.loads(
    '{"pt43":[{"pt":[{"c":"ا","l":1}]},{"pt":[{"c":"ا,ت,ن,ي","l":0}],"mPt":[{"c":"ف","l":0,"m":1},{"c":"ع","l":1,"m'
    '":2},{"c":"ل","l":2,"m":3}]},{"pt":[{"c":"و","l":2}],"mPt":[{"c":"ف","l":0,"m":0},{"c":"ع","l":1,"m":1},{"c":"'
    'ل","l":2,"m":3}]},{"pt":[{"c":"ا","l":2}]},{"pt":[{"c":"ي","l":2}],"mPt":[{"c":"ف","l":0,"m":0},{"c":"ع","l":1'
    ',"m":1},{"c":"ا","l":2},{"c":"ل","l":3,"m":3}]},{"pt":[{"c":"م","l":0}]}],"pt53":[{"pt":[{"c":"ت","l":0},{"c":'
    '"ا","l":2}]},{"pt":[{"c":"ا,ن,ت,ي","l":0},{"c":"ت","l":2}],"mPt":[{"c":"ا","l":0},{"c":"ف","l":1,"m":1},{"c":"'
    'ت","l":2},{"c":"ع","l":3,"m":3},{"c":"ا","l":4},{"c":"ل","l":5,"m":4}]},{"pt":[{"c":"ا","l":0},{"c":"ا","l":2}'
    '],"mPt":[{"c":"ا","l":0},{"c":"ف","l":1,"m":1},{"c":"ع","l":2,"m":3},{"c":"ل","l":3,"m":4},{"c":"ا","l":4},{"c'
    '":"ل","l":5,"m":4}]},{"pt":[{"c":"ا","l":0},{"c":"ا","l":3}],"mPt":[{"c":"ف","l":0,"m":1},{"c":"ع","l":1,"m":2'
    '},{"c":"ل","l":2,"m":4}]},{"pt":[{"c":"ا","l":3},{"c":"ن","l":4}]},{"pt":[{"c":"ت","l":0},{"c":"ي","l":3}]},{"'
    'pt":[{"c":"م","l":0},{"c":"و","l":3}]},{"pt":[{"c":"ا","l":1},{"c":"و","l":3}]},{"pt":[{"c":"و","l":1},{"c":"ا'
    '","l":2}]},{"pt":[{"c":"م","l":0},{"c":"ا","l":3}]},{"pt":[{"c":"م","l":0},{"c":"ي","l":3}]},{"pt":[{"c":"ا","'
    'l":2},{"c":"ن","l":3}]},{"pt":[{"c":"م","l":0},{"c":"ن","l":1}],"mPt":[{"c":"ا","l":0},{"c":"ن","l":1},{"c":"ف'
    '","l":2,"m":2},{"c":"ع","l":3,"m":3},{"c":"ا","l":4},{"c":"ل","l":5,"m":4}]},{"pt":[{"c":"م","l":0},{"c":"ت","'
    'l":2}],"mPt":[{"c":"ا","l":0},{"c":"ف","l":1,"m":1},{"c":"ت","l":2},{"c":"ع","l":3,"m":3},{"c":"ا","l":4},{"c"'
    ':"ل","l":5,"m":4}]},{"pt":[{"c":"م","l":0},{"c":"ا","l":2}]},{"pt":[{"c":"م","l":1},{"c":"ا","l":3}]},{"pt":[{'
    '"c":"ي,ت,ا,ن","l":0},{"c":"ت","l":1}],"mPt":[{"c":"ف","l":0,"m":2},{"c":"ع","l":1,"m":3},{"c":"ا","l":2},{"c":'
    '"ل","l":3,"m":4}]},{"pt":[{"c":"ت,ي,ا,ن","l":0},{"c":"ت","l":2}],"mPt":[{"c":"ا","l":0},{"c":"ف","l":1,"m":1},'
    '{"c":"ت","l":2},{"c":"ع","l":3,"m":3},{"c":"ا","l":4},{"c":"ل","l":5,"m":4}]},{"pt":[{"c":"ا","l":2},{"c":"ي",'
    '"l":3}]},{"pt":[{"c":"ا,ي,ت,ن","l":0},{"c":"ن","l":1}],"mPt":[{"c":"ا","l":0},{"c":"ن","l":1},{"c":"ف","l":2,"'
    'm":2},{"c":"ع","l":3,"m":3},{"c":"ا","l":4},{"c":"ل","l":5,"m":4}]},{"pt":[{"c":"ا","l":3},{"c":"ء","l":4}]}],'
    '"pt63":[{"pt":[{"c":"ا","l":0},{"c":"ت","l":2},{"c":"ا","l":4}]},{"pt":[{"c":"ا,ت,ن,ي","l":0},{"c":"س","l":1},'
    '{"c":"ت","l":2}],"mPt":[{"c":"ا","l":0},{"c":"س","l":1},{"c":"ت","l":2},{"c":"ف","l":3,"m":3},{"c":"ع","l":4,"'
    'm":4},{"c":"ا","l":5},{"c":"ل","l":6,"m":5}]},{"pt":[{"c":"ا,ن,ت,ي","l":0},{"c":"و","l":3}]},{"pt":[{"c":"م","'
    'l":0},{"c":"س","l":1},{"c":"ت","l":2}],"mPt":[{"c":"ا","l":0},{"c":"س","l":1},{"c":"ت","l":2},{"c":"ف","l":3,"'
    'm":3},{"c":"ع","l":4,"m":4},{"c":"ا","l":5},{"c":"ل","l":6,"m":5}]},{"pt":[{"c":"ي","l":1},{"c":"ي","l":3},{"c'
    '":"ا","l":4},{"c":"ء","l":5}]},{"pt":[{"c":"ا","l":0},{"c":"ن","l":1},{"c":"ا","l":4}]}],"pt54":[{"pt":[{"c":"'
    'ت","l":0}]},{"pt":[{"c":"ا,ي,ت,ن","l":0}],"mPt":[{"c":"ا","l":0},{"c":"ف","l":1,"m":1},{"c":"ع","l":2,"m":2},{'
    '"c":"ل","l":3,"m":3},{"c":"ر","l":4,"m":4},{"c":"ا","l":5},{"c":"ر","l":6,"m":4}]},{"pt":[{"c":"م","l":0}],"mP'
    't":[{"c":"ا","l":0},{"c":"ف","l":1,"m":1},{"c":"ع","l":2,"m":2},{"c":"ل","l":3,"m":3},{"c":"ر","l":4,"m":4},{"'
    'c":"ا","l":5},{"c":"ر","l":6,"m":4}]},{"pt":[{"c":"ا","l":2}]},{"pt":[{"c":"ا","l":0},{"c":"ن","l":2}]}],"pt64'
    '":[{"pt":[{"c":"ا","l":0},{"c":"ا","l":4}]},{"pt":[{"c":"م","l":0},{"c":"ت","l":1}]}],"pt73":[{"pt":[{"c":"ا",'
    '"l":0},{"c":"س","l":1},{"c":"ت","l":2},{"c":"ا","l":5}]}],"pt75":[{"pt":[{"c":"ا","l":0},{"c":"ا","l":5}]}]}'
)


def trim(word: str) -> str:
    """lunr.ar.trimmer: strip characters other than Arabic letters and digits from both ends."""
    return _TRIM_END.sub("", _TRIM_START.sub("", word))


class _Stemmer:
    """One run of lunr.ar.stemmer over one word (the JS keeps this state on the stemmer)."""

    def __init__(self, word: str):
        self.word = word
        self.result = False
        self.pre_removed = False
        self.suf_removed = False

    def stem(self) -> str:
        for step in (
            self.clean_word,
            self.remove_diacritics,
            self.clean_alef,
            self.remove_stop_words,
            self.normalize_hamza_and_alef,
            self.remove_start_waw,
            self.remove_pre432,
            self.remove_end_taa,
            self.word_check,
        ):
            self.result = step()
            if self.result:
                break
        return self.word

    def clean_word(self) -> bool:
        # The JS tests an empty variable for non-Arabic letters, so this only removes tatweel.
        self.word = self.word.replace("\u0640", "")
        return False

    def remove_diacritics(self) -> bool:
        self.word = re.sub("[\u064b-\u065b]", "", self.word)
        return False

    def clean_alef(self) -> bool:
        # A regex without the g flag: only the first alef variant becomes a plain alef.
        self.word = re.sub("[\u0622\u0623\u0625\u0671\u0649]", "\u0627", self.word, count=1)
        return False

    def remove_stop_words(self) -> bool:
        return self.word in _UNSTEMMED

    def normalize_hamza_and_alef(self) -> bool:
        # String replace in JS: the first "ؤ" and the first "ئ" only; runs of alef become one.
        self.word = self.word.replace("\u0624", "\u0621", 1).replace("\u0626", "\u0621", 1)
        self.word = re.sub("\u0627{2,}", "\u0627", self.word)
        return False

    def remove_start_waw(self) -> bool:
        if len(self.word) > 3 and self.word.startswith("\u0648\u0648"):
            self.word = self.word[1:]
        return False

    def remove_pre432(self) -> bool:
        word = self.word
        for size, minimum in ((4, 7), (3, 6), (2, 5)):
            if self.word == word and len(self.word) >= minimum:
                self.word = _without_prefix(self.word, _PREFIXES[size])
        if word != self.word:
            self.pre_removed = True
        return False

    def remove_end_taa(self) -> bool:
        if len(self.word) > 2:
            if self.word.endswith("\u0627"):
                self.word = self.word[:-1]
            self.word = self.word.replace("\u0629", "", 1)  # the first taa marbuta, wherever it is
            return False
        return True

    def pattern_check(self, patterns: list[dict]) -> None:
        for pattern in patterns:
            if all(_char_at(self.word, part["l"]) in part["c"].split(",") for part in pattern["pt"]):
                if "mPt" in pattern:
                    letters: dict[int, str] = {}
                    for part in pattern["mPt"]:
                        letters[part["l"]] = _char_at(self.word, part["m"]) if part.get("m") is not None else part["c"]
                    # JS builds an array by index and joins it: holes and missing letters are "".
                    self.word = "".join(letters.get(i) or "" for i in range(max(letters) + 1))
                self.result = True
                break

    def remove_pre1(self) -> None:
        word = self.word
        if not self.pre_removed and len(self.word) > 3:
            self.word = _without_prefix(self.word, _PREFIXES[1])
        if word != self.word:
            self.pre_removed = True

    def remove_suf1(self) -> None:
        word = self.word
        if not self.suf_removed and len(self.word) > 3:
            self.word = _without_suffix(self.word, _SUFFIXES[1])
        if word != self.word:
            self.suf_removed = True

    def remove_suf432(self) -> None:
        word = self.word
        for size, minimum in ((4, 6), (3, 5), (2, 4)):
            if self.word == word and len(self.word) >= minimum:
                self.word = _without_suffix(self.word, _SUFFIXES[size])
        if word != self.word:
            self.suf_removed = True

    def word_check(self) -> bool:
        steps = [self.remove_suf432, self.remove_suf1, self.remove_pre1]
        counter, pattern_checked = 0, False
        while len(self.word) >= 7 and not self.result and counter < len(steps):
            if len(self.word) == 7 and not pattern_checked:
                self.pattern_check(_PATTERNS["pt73"])
                pattern_checked = True
            else:
                steps[counter]()
                counter += 1
                pattern_checked = False
        by_length = {
            6: [
                lambda: self.pattern_check(_PATTERNS["pt63"]),
                self.remove_suf432,
                self.remove_suf1,
                self.remove_pre1,
                lambda: self.pattern_check(_PATTERNS["pt64"]),
            ],
            5: [
                lambda: self.pattern_check(_PATTERNS["pt53"]),
                self.remove_suf432,
                self.remove_suf1,
                self.remove_pre1,
                lambda: self.pattern_check(_PATTERNS["pt54"]),
            ],
            4: [lambda: self.pattern_check(_PATTERNS["pt43"]), self.remove_suf1, self.remove_pre1, self.remove_suf432],
        }
        for size in (6, 5, 4):
            counter = 0
            while len(self.word) == size and not self.result and counter < len(by_length[size]):
                by_length[size][counter]()
                counter += 1
        return True


def _char_at(word: str, position: int) -> str | None:
    return word[position] if position < len(word) else None


def _without_prefix(word: str, prefixes: list[str]) -> str:
    """JS ``word.replace(/^(p1|p2|…)/, "")``; the prefixes of a list are all of one length."""
    for prefix in prefixes:
        if word.startswith(prefix):
            return word[len(prefix) :]
    return word


def _without_suffix(word: str, suffixes: list[str]) -> str:
    """JS ``word.replace(/(s1|s2|…)$/, "")``; the suffixes of a list are all of one length."""
    for suffix in suffixes:
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The stem lunr.ar.stemmer gives for ``word``."""
    return _Stemmer(word).stem()
