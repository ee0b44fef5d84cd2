"""Scale-out: the same pipeline on a Dask cluster, and a synthetic corpus generator."""
