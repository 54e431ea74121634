#!/usr/bin/env python3
"""Generate N events for the example registry's binary subjects as JSON Lines on stdout, for
bench/formats.sh.

    bench/gen-formats.py shipped N   # order-shipped v2 (Avro): schemas/order-shipped/v2.avsc
    bench/gen-formats.py stock N     # stock-reserved v1 (Protobuf): schemas/stock-reserved/v1.proto

Values vary like real events (order ids, amounts, currencies, weights, statuses, carriers or
none, times a few milliseconds apart; 1-4 stock lines of known SKUs); every event is valid for
its schema. Deterministic for a given N (standard library only).
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
CURRENCIES = ["EUR"] * 6 + ["USD"] * 3 + ["GBP"]
CARRIERS = ["dhl", "ups", "dpd", "gls", "fedex", "royal-mail", "colissimo", "postnl"]
SKUS = ["TSHIRT-BLK-M", "TSHIRT-WHT-L", "HOODIE-GRY-XL", "MUG-001", "BOOK-9780262", "GIFT-CARD-50",
        "SOCKS-3PK", "CAP-NAVY", "POSTER-A2", "BOTTLE-750", "NOTEBOOK-A5", "STICKER-SET"]
PRICES = dict(zip(SKUS, [1999, 2199, 4950, 850, 4200, 5000, 1200, 1500, 900, 2400, 650, 399]))


def main():
    kind, n = sys.argv[1], int(sys.argv[2])
    r = random.Random(20261205)
    t = datetime(2026, 12, 5, 0, 0, 0, tzinfo=timezone.utc)
    ident = lambda p, k: p + "".join(r.choice(ALNUM) for _ in range(k))
    dumps = json.JSONEncoder(separators=(",", ":")).encode
    out, buf = sys.stdout, []
    for _ in range(n):
        t += timedelta(microseconds=r.randrange(1000, 9000))
        stamp = t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
        if kind == "shipped":
            ev = {"orderId": ident("ord_", 12),
                  "total": {"cents": r.randrange(399, 250000), "currency": r.choice(CURRENCIES)},
                  "weightKg": "%d.%03d" % (r.randrange(0, 30), r.randrange(1000)),
                  "status": "SHIPPED" if r.random() < 0.8 else "PACKED",
                  "shippedAt": stamp,
                  "carrier": r.choice(CARRIERS) if r.random() < 0.85 else None}
        elif kind == "stock":
            cur = r.choice(CURRENCIES)
            lines = [{"sku": s, "quantity": r.choice([1, 1, 1, 2, 3]),
                      "unitPrice": {"cents": str(PRICES[s]), "currency": cur}}
                     for s in r.sample(SKUS, r.choice([1, 1, 2, 2, 3, 4]))]
            ev = {"orderId": ident("ord_", 12), "lines": lines, "reservedAt": stamp}
        else:
            sys.exit("gen-formats.py: kind is shipped or stock")
        buf.append(dumps(ev))
        if len(buf) >= 10000:
            out.write("\n".join(buf) + "\n")
            buf.clear()
    if buf:
        out.write("\n".join(buf) + "\n")


if __name__ == "__main__":
    main()
