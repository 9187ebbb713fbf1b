"""Batch checking for ``proofnb check``: find proofs, run them locally or on Dask, report.

Nothing here imports IPython or Dask at module level; the Dask backend is imported only
when a scheduler address is given.
"""
