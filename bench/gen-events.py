#!/usr/bin/env python3
"""Generate N order-domain events as JSON Lines on stdout, for bench/validate.sh.

    bench/gen-events.py N [--seed S] [--invalid-rate R]

The events match the schemas in schemas/ (OrderPlaced v2 mostly, some v1; PaymentCaptured;
OrderCancelled) and about 2% of them (R, default 0.02) are made invalid in one of several ways
(missing required field, wrong type, bad enum, extra property, bad traceparent, bad time, ...).
Every event keeps a routable `type` and an integer `version` of an existing schema, so any
validator that routes type -> subject and version -> schema must find the same invalid events.
The output is deterministic for a given N and seed (standard library only).
"""
import argparse
import json
import random
import sys
from datetime import datetime, timedelta, timezone

ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
SKUS = ["TSHIRT-BLK-M", "TSHIRT-WHT-L", "HOODIE-GRY-XL", "MUG-001", "BOOK-9780262", "GIFT-CARD-50",
        "SOCKS-3PK", "CAP-NAVY", "POSTER-A2", "BOTTLE-750", "NOTEBOOK-A5", "STICKER-SET"]
PRICES = {s: p for s, p in zip(SKUS, [1999, 2199, 4950, 850, 4200, 5000, 1200, 1500, 900, 2400, 650, 399])}
CURRENCIES = ["EUR"] * 6 + ["USD"] * 3 + ["GBP"]
CHANNELS = ["web"] * 6 + ["mobile"] * 3 + ["store", "phone"]
METHODS = ["card"] * 7 + ["wallet"] * 2 + ["bank_transfer"]
REASONS = ["customer_request"] * 5 + ["payment_failed"] * 2 + ["out_of_stock", "fraud_suspected", "other"]
CANCELLED_BY = {"customer_request": "customer", "payment_failed": "system", "out_of_stock": "merchant",
                "fraud_suspected": "system", "other": "merchant"}
SOURCES = {"OrderPlaced": ["/checkout-service", "/mobile-bff", "/pos-gateway"],
           "PaymentCaptured": ["/payment-service"], "OrderCancelled": ["/order-service", "/support-desk"]}
NOTES = ["Ordered the wrong size.", "Duplicate order.", "Customer called support.", ""]


def money(cents):
    return "%d.%02d" % divmod(cents, 100)


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.t = datetime(2026, 11, 22, 0, 0, 0, tzinfo=timezone.utc)
        self.orders = []  # recent order ids, so payments and cancellations refer to real orders

    def ident(self, prefix, n=12):
        r = self.r
        return prefix + "".join(r.choice(ALNUM) for _ in range(n))

    def uuid(self):
        h = "%032x" % self.r.getrandbits(128)
        return "%s-%s-4%s-%x%s-%s" % (h[:8], h[8:12], h[13:16], 8 + self.r.randrange(4), h[17:20], h[20:32])

    def envelope(self, etype, version, data):
        r = self.r
        self.t += timedelta(microseconds=r.randrange(1000, 90000))
        ev = {"id": self.uuid(), "type": etype, "version": version,
              "time": self.t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (self.t.microsecond // 1000)}
        if r.random() < 0.9:
            ev["source"] = r.choice(SOURCES[etype])
        if r.random() < 0.8:
            ev["traceparent"] = "00-%032x-%016x-%s" % (r.getrandbits(128), r.getrandbits(64), r.choice(["01", "00"]))
        ev["data"] = data
        return ev

    def order_placed(self):
        r = self.r
        version = 2 if r.random() < 0.85 else 1
        items, total = [], 0
        for sku in r.sample(SKUS, r.choice([1, 1, 1, 2, 2, 3, 4])):
            q = r.choice([1, 1, 1, 2, 3])
            items.append({"sku": sku, "quantity": q, "unitPrice": money(PRICES[sku])})
            total += q * PRICES[sku]
        oid = self.ident("ord_")
        self.orders.append(oid)
        if len(self.orders) > 1000:
            del self.orders[:500]
        data = {"orderId": oid, "customerId": self.ident("cus_", 10), "items": items,
                "total": money(total), "currency": r.choice(CURRENCIES)}
        if version == 2 and r.random() < 0.7:
            data["channel"] = r.choice(CHANNELS)
        return self.envelope("OrderPlaced", version, data)

    def payment_captured(self):
        r = self.r
        data = {"paymentId": self.ident("pay_"), "orderId": self.order_ref(),
                "amount": money(r.randrange(99, 250000)), "currency": r.choice(CURRENCIES),
                "method": r.choice(METHODS)}
        return self.envelope("PaymentCaptured", 1, data)

    def order_cancelled(self):
        r = self.r
        reason = r.choice(REASONS)
        data = {"orderId": self.order_ref(), "reason": reason, "cancelledBy": CANCELLED_BY[reason]}
        if r.random() < 0.3:
            data["note"] = r.choice(NOTES)
        return self.envelope("OrderCancelled", 1, data)

    def order_ref(self):
        return self.r.choice(self.orders) if self.orders else self.ident("ord_")

    def event(self):
        x = self.r.random()
        if x < 0.55:
            return self.order_placed()
        if x < 0.85:
            return self.payment_captured()
        return self.order_cancelled()

    # --- ways to break an event (each one is invalid under the schema its type+version selects)
    def corrupt(self, ev):
        r = self.r
        d = ev["data"]
        t = ev["type"]
        kinds = ["missing_required", "wrong_type", "bad_enum", "extra_property", "bad_traceparent",
                 "bad_time", "bad_id", "missing_data"]
        if t == "OrderPlaced":
            kinds += ["empty_items", "zero_quantity", "money_as_number", "extra_item_property"]
            if ev["version"] == 1:
                kinds.append("v1_with_channel")
        kind = r.choice(kinds)
        if kind == "missing_required":
            d.pop(r.choice(sorted(k for k in d if k not in ("channel", "note"))))
        elif kind == "wrong_type":
            if t == "OrderPlaced":
                d["items"][0]["quantity"] = str(d["items"][0]["quantity"])
            elif t == "PaymentCaptured":
                d["amount"] = float(d["amount"])
            else:
                d["cancelledBy"] = {"role": d["cancelledBy"]}
        elif kind == "bad_enum":
            field = {"OrderPlaced": "currency", "PaymentCaptured": "method", "OrderCancelled": "reason"}[t]
            d[field] = {"currency": "JPY", "method": "cash", "reason": "changed_mind"}[field]
        elif kind == "extra_property":
            if r.random() < 0.5:
                ev["specversion"] = "1.0"
            else:
                d["couponCode"] = "XMAS10"
        elif kind == "bad_traceparent":
            ev["traceparent"] = r.choice(["01-%032x-%016x-01" % (r.getrandbits(128), r.getrandbits(64)),
                                          "00-%030xAB-%016x-01" % (r.getrandbits(120), r.getrandbits(64)),
                                          "00-%032x-01" % r.getrandbits(128)])
        elif kind == "bad_time":
            ev["time"] = ev["time"].replace("T", " ", 1) if r.random() < 0.5 else ev["time"][:10]
        elif kind == "bad_id":
            ev["id"] = ev["id"].replace("-", "")[:30]
        elif kind == "missing_data":
            del ev["data"]
        elif kind == "empty_items":
            d["items"] = []
        elif kind == "zero_quantity":
            d["items"][-1]["quantity"] = 0
        elif kind == "money_as_number":
            d["total"] = float(d["total"])
        elif kind == "extra_item_property":
            d["items"][0]["discount"] = "1.00"
        elif kind == "v1_with_channel":
            d["channel"] = "web"  # a v2 field in an event that claims version 1
        return ev


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--invalid-rate", type=float, default=0.02)
    a = ap.parse_args()
    g = Gen(a.seed)
    dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
    out = sys.stdout
    buf = []
    for i in range(a.n):
        ev = g.event()
        if g.r.random() < a.invalid_rate:
            ev = g.corrupt(ev)
        buf.append(dumps(ev))
        if len(buf) >= 10000:
            out.write("\n".join(buf) + "\n")
            buf.clear()
    if buf:
        out.write("\n".join(buf) + "\n")


if __name__ == "__main__":
    main()
