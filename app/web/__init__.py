"""The Streamlit app: an entry file (``main.py``) and one page per purpose under ``views/``.

The pages are not in ``pages/``: Streamlit treats a ``pages/`` folder next to the entry file as an
old-style multipage app and then runs a page without the entry file's language toggle and
database check.
"""
