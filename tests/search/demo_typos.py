"""Queries with one typo, made from the titles of the demo offers (tests and bench/search_quality.py).

Each query is a whole title with one typo in its longest word: the first or a middle letter
dropped, doubled, or swapped with the next one. The typo is made, never chosen: the same data
always gives the same 50 queries.
"""

from __future__ import annotations

import re

from boersen.search.german import STOP_WORDS

OPERATIONS = ("drop", "double", "swap")


def make_typo(word: str, operation: str, position: int) -> str:
    if operation == "drop":
        return word[:position] + word[position + 1 :]
    if operation == "double":
        return word[: position + 1] + word[position:]
    return word[:position] + word[position + 1] + word[position] + word[position + 2 :]


def typo_queries(titles: list[tuple[str, str]], count: int = 50) -> list[tuple[str, str, str]]:
    """(query, offer key, how it was made) for the first ``count`` titles that have a word of 5+ letters.

    ``titles`` are (offer key, title) pairs in a fixed order.
    """
    queries = []
    for number, (key, title) in enumerate(titles):
        words = [w for w in re.findall(r"\w+", title) if w.isalpha() and w.lower() not in STOP_WORDS]
        candidates = [w for w in words if len(w) >= 5]
        if not candidates:
            continue
        word = max(candidates, key=len)
        operation = OPERATIONS[number % 3]
        position = 0 if number % 2 == 0 else len(word) // 2
        if operation == "swap" and word[position] == word[position + 1]:
            position += 1  # swapping two equal letters changes nothing
        typo = make_typo(word, operation, position)
        where = "first" if position == 0 else "middle"
        queries.append((title.replace(word, typo, 1), key, f"{operation} {where}: {word} -> {typo}"))
        if len(queries) == count:
            break
    return queries
