"""Jupyter Server adapter: the ``proofnb`` extension app and its authenticated REST API.

Importing this package imports nothing from Jupyter; ``proofnb.server.app`` does.
"""
