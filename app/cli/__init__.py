"""The ``ecograph`` command line; one module per command group."""
