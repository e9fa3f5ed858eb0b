"""nightly-report: totals per customer from orders.csv (or the file given), logged as it goes."""
import csv
import sys
from collections import Counter


def main(path="orders.csv"):
    totals = Counter()
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            totals[row["customer"]] += float(row["amount"])
    print(f"report: {sum(totals.values()):.2f} EUR from {len(totals)} customers")
    for customer, amount in totals.most_common():
        print(f"  {customer:<10} {amount:>8.2f}")
    print("report: done")


if __name__ == "__main__":
    main(*sys.argv[1:])
