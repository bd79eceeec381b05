"""Makes typing-cmu-format.csv: a small synthetic keystroke dataset in the CMU benchmark's format.

Four subjects type ".tie5Roanl" + Return 400 times (8 sessions x 50 reps). Each subject has its own
rhythm (per-feature means far apart) and small Gaussian noise, so the scaled Manhattan detector separates
them completely: the fixture is built for a mean EER of 0. Deterministic (seeded).
Run: python3 make_typing_fixture.py > typing-cmu-format.csv
"""
import random

keys = ["period", "t", "i", "e", "five", "Shift.r", "o", "a", "n", "l", "Return"]
header = ["subject", "sessionIndex", "rep"]
for i, k in enumerate(keys):
    header.append(f"H.{k}")
    if i + 1 < len(keys):
        header += [f"DD.{k}.{keys[i + 1]}", f"UD.{k}.{keys[i + 1]}"]

rng = random.Random(20091)
print(",".join(header))
for s, (hold, gap) in enumerate([(0.08, 0.15), (0.12, 0.30), (0.16, 0.45), (0.20, 0.60)]):
    subject = f"s{s + 2:03d}"
    holds = [hold + rng.uniform(-0.01, 0.01) for _ in keys]
    gaps = [gap + rng.uniform(-0.03, 0.03) for _ in keys[1:]]
    for rep in range(400):
        row = [subject, str(rep // 50 + 1), str(rep % 50 + 1)]
        for i in range(len(keys)):
            h = max(0.01, rng.gauss(holds[i], 0.01))
            row.append(f"{h:.4f}")
            if i + 1 < len(keys):
                dd = max(h + 0.001, rng.gauss(gaps[i], 0.02))
                row += [f"{dd:.4f}", f"{dd - h:.4f}"]
        print(",".join(row))
