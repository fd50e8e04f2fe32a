"""qabook's search: Chinese-aware, sharded, works over http and from file://.

analyze.py   the one text analysis, mirrored exactly by assets/qasearch.js
extract.py   rendered page HTML → one search document per question
index.py     documents → meta, term shards and document chunks as small JS files
"""

from qabook.search.analyze import analyze, index_terms, shard_of
from qabook.search.extract import SearchDoc, extract_docs
from qabook.search.index import build_index

__all__ = ["SearchDoc", "analyze", "build_index", "extract_docs", "index_terms", "shard_of"]
