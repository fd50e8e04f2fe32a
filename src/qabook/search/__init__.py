"""qabook's search: Chinese-aware, sharded, works over http and from file://.

analyze.py   the one text analysis, mirrored exactly by assets/qasearch.js
extract.py   rendered page HTML → one search document per question
lexicon.py   word list, shipped glossary, the author's glossary.yml, the book's own term pairs
expand.py    the book's words by pinyin initials, term pairs, word lists for typos, zh.js
index.py     documents → meta, term shards and document chunks (and expand's tables) as JS files
digits.py    whole numbers as printable text (posting lists, excepted documents), read by qasearch.js
"""

from qabook.search.analyze import analyze, index_terms, shard_of
from qabook.search.extract import SearchDoc, extract_docs
from qabook.search.index import build_index

__all__ = ["SearchDoc", "analyze", "build_index", "extract_docs", "index_terms", "shard_of"]
