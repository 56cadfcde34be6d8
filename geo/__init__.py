"""geo: map landmine events in the South Caucasus from news reports.

The pipeline reads documents (:mod:`geo.corpus`), finds and resolves place names with
a gazetteer (:mod:`geo.gazetteer`, :mod:`geo.recognise`, :mod:`geo.resolve`), reads
events (:mod:`geo.events`), merges them across documents (:mod:`geo.merge`) and writes
maps and tables (:mod:`geo.export`, :mod:`geo.webmap`).
"""

__version__ = "0.1.0"
