"""
The lifetimes side of `npm run bench`: times the Python library lifetimes (CamDavidsonPilon/lifetimes)
on exactly the data the TypeScript benchmark wrote to CSV files, in the same run, so the README's
"lifetimes" figures come from this machine and this sitting (issues 15 and 17).

Usage: python3 lifetimes_reference.py JOBS.json  (written by test/bench/lifetimes.ts)
Each job: {"id", "kind", "file", "repeat"} plus kind-specific fields; the CSV has a header row.
Prints one JSON object: {"version": ..., "results": {id: {"seconds": best, "params": [...]}}}.
Only the library call is timed (reading the CSV and building arrays are not), best of `repeat`.
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd
import lifetimes
from lifetimes import BetaGeoBetaBinomFitter, BetaGeoFitter, ModifiedBetaGeoFitter, ParetoNBDFitter
from lifetimes.utils import summary_data_from_transaction_data


def best_of(repeat, call):
    best = float("inf")
    result = None
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
    return best, result


FITTERS = {
    "bgnbd": (BetaGeoFitter, ["r", "alpha", "a", "b"]),
    "paretonbd": (ParetoNBDFitter, ["r", "alpha", "s", "beta"]),
    "mbgnbd": (ModifiedBetaGeoFitter, ["r", "alpha", "a", "b"]),
    "bgbb": (BetaGeoBetaBinomFitter, ["alpha", "beta", "gamma", "delta"]),
}


def run(job):
    data = pd.read_csv(job["file"])
    kind = job["kind"]
    if kind in FITTERS:
        fitter_class, names = FITTERS[kind]
        columns = [data[c].to_numpy() for c in job["columns"]]
        weights = data[job["weights"]].to_numpy() if job.get("weights") else None

        def fit():
            return fitter_class(penalizer_coef=0.0).fit(*columns, weights=weights)

        seconds, fitter = best_of(job["repeat"], fit)
        return {"seconds": seconds, "params": [float(fitter.params_[n]) for n in names]}
    if kind == "palive":
        fitter = BetaGeoFitter()
        fitter.params_ = pd.Series(dict(zip(["r", "alpha", "a", "b"], job["params"])))
        x, tx, T = (data[c].to_numpy(dtype=float) for c in ["x", "t_x", "T"])
        seconds, p = best_of(job["repeat"], lambda: fitter.conditional_probability_alive(x, tx, T))
        return {"seconds": seconds, "params": [float(np.sum(p))]}
    if kind == "summary":
        # Excel serial day numbers (or ISO text) → pandas dates (day 25569 is 1970-01-01), outside the timing.
        if pd.api.types.is_numeric_dtype(data["date"]):
            data["date"] = pd.to_datetime(data["date"] - 25569, unit="D")
        else:
            data["date"] = pd.to_datetime(data["date"], format="%Y-%m-%d")
        end = pd.to_datetime(job["as_of"] - 25569, unit="D")

        def summary():
            return summary_data_from_transaction_data(data, "id", "date", monetary_value_col="amount", freq="W", observation_period_end=end)

        seconds, s = best_of(job["repeat"], summary)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        return {"seconds": seconds, "params": [int(len(s)), int(peak_mb)]}
    raise ValueError("unknown job kind " + kind)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    results = {job["id"]: run(job) for job in jobs}
    print(json.dumps({"version": lifetimes.__version__, "numpy": np.__version__, "results": results}))


if __name__ == "__main__":
    main()
