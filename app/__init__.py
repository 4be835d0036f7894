"""The user-facing side: the ``ecograph`` command line and the Streamlit app."""
