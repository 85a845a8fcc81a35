"""The noun dictionary compounds are split with: read once from german-nouns, then from a cache."""

from __future__ import annotations

from boersen.search import index, words


def test_nouns_are_cached_once_and_read_back_unchanged(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    words.nouns.cache_clear()
    try:
        fresh = words.nouns()  # read from the package, written to the cache
        [cache] = (tmp_path / "boersen").iterdir()
        assert cache.name.startswith("nouns-") and cache.suffix == ".txt"
        words.nouns.cache_clear()
        assert words.nouns() == fresh == words._read_nouns()  # read from the cache
        assert {"kind", "kinder", "kurs", "beratung", "see"} <= fresh and "ern" not in fresh
    finally:
        words.nouns.cache_clear()


def test_where_the_cache_cannot_be_written_the_nouns_come_from_the_package(tmp_path, monkeypatch):
    blocked = tmp_path / "kein-ordner"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    words.nouns.cache_clear()
    try:
        assert words.nouns() == words._read_nouns()
        assert blocked.read_text(encoding="utf-8") == "a file where the cache folder would be"
    finally:
        words.nouns.cache_clear()


def test_another_package_version_reads_its_own_cache_file(tmp_path, monkeypatch):
    # The key names the package version and this code: another version reads its own file.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = words._nouns_cache()
    monkeypatch.setattr(words.importlib.metadata, "version", lambda name: "0.0.0-other")
    assert words._nouns_cache() != first and words._nouns_cache().parent == first.parent


def test_word_lists_share_files_of_consecutive_lengths(monkeypatch):
    monkeypatch.setattr(index, "WORDS_PER_FILE", 4)
    lists = {4: ["kurs", "park"], 5: ["tanze"], 6: ["basteln", "reiten", "singen", "turnen", "malen"], 7: ["schwimm"], 9: ["beratung"]}
    assert index.word_files(lists) == {
        "4-5": {"4": ["kurs", "park"], "5": ["tanze"]},
        "6-6": {"6": ["basteln", "reiten", "singen", "turnen", "malen"]},  # longer than a file: on its own
        "7-9": {"7": ["schwimm"], "9": ["beratung"]},
    }
