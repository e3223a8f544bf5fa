#!/usr/bin/env python3
"""Runs the sqllineage column cases through sqlglot's column lineage (Debian python3-sqlglot).

A thin adapter, as described in README.md ("Peer score on these cases"): it finds each
statement's write target, maps the query's output columns to target columns by position (explicit
column list, or the target's columns when the case's metadata knows them) or else by name, asks
sqlglot.lineage for each output column's source columns, rewrites UPDATE and MERGE as SELECTs, and
composes multi-statement scripts end-to-end like sqllineage. Comparison is case-insensitive with
whitespace collapsed, the same normalisation the Java runner uses.

Usage: sqlglot_adapter.py CASES.jsonl [--quiet] [--seconds N]
Prints one PASS/FAIL line per case (failures only with --quiet) and
RESULT engine=sqlglot passed=N total=M stmts_per_sec=R
"""
import json
import re
import sys
import time

import sqlglot
from sqlglot import exp
from sqlglot.lineage import lineage
from sqlglot.optimizer.qualify_columns import qualify_columns
from sqlglot.optimizer.qualify_tables import qualify_tables

DIALECTS = {"ansi": None, "tsql": "tsql", "bigquery": "bigquery", "oracle": "oracle", "databricks": "databricks",
            "sparksql": "spark", "teradata": "teradata", "hive": "hive"}


def norm(s):
    return re.sub(r"\s+", " ", s.lower())


def edge(src, tgt):
    return norm(src + " -> " + tgt)


def table_name(t):
    parts = [p for p in (t.args.get("catalog"), t.args.get("db"), t.this) if p is not None]
    return ".".join(p.name for p in parts)


def schema_of(case):
    meta = case.get("metadata") or {}
    schema = {}
    for name, cols in meta.items():
        db, _, tab = name.rpartition(".")
        entry = {c: "VARCHAR" for c in cols}
        if db:
            schema.setdefault(db, {})[tab] = entry
        else:
            schema[tab] = entry
    return schema


def known_columns(case, target):
    meta = {k.lower(): v for k, v in (case.get("metadata") or {}).items()}
    return meta.get(target.lower())


def sources_of(column, query, schema, dialect):
    """Source columns (table.column) of one output column, from sqlglot's lineage graph."""
    node = lineage(column, query, schema=schema or None, dialect=dialect)
    out = []
    for n in node.walk():
        for d in n.downstream:
            if isinstance(d.expression, exp.Table):
                for c in n.expression.find_all(exp.Column):
                    if c.table == d.name:
                        out.append(table_name(d.expression) + "." + c.name)
    return out


def statement_edges(stmt, case, schema, dialect):
    """(source, target) pairs of one statement."""
    target, cols, query = None, None, None
    if isinstance(stmt, exp.Insert):
        this = stmt.this
        if isinstance(this, exp.Schema):
            cols = [c.name for c in this.expressions]
            this = this.this
        target, query = this, stmt.expression
    elif isinstance(stmt, exp.Create) and isinstance(stmt.expression, (exp.Subqueryable, exp.Subquery)):
        this = stmt.this
        if isinstance(this, exp.Schema):
            cols = [c.name for c in this.expressions]
            this = this.this
        target, query = this, stmt.expression
    elif isinstance(stmt, exp.Update):
        target = stmt.this
        sets = [e for e in stmt.expressions if isinstance(e, exp.EQ)]
        cols = [e.this.name for e in sets]
        items = ", ".join(f"{e.expression.sql(dialect=dialect)} AS _c{i}" for i, e in enumerate(sets))
        frm = stmt.args.get("from")
        from_sql = frm.sql(dialect=dialect)[len("FROM "):] if frm is not None else ""
        aliased_target = None
        if frm is not None and not target.args.get("db"):
            # T-SQL UPDATE alias SET ... FROM table alias JOIN ...: the target is an alias in FROM
            for t in frm.find_all(exp.Table):
                if t.alias == target.name:
                    aliased_target = t
        if aliased_target is not None:
            query_sql = f"SELECT {items} FROM {from_sql}"
            target = exp.Table(this=aliased_target.this.copy(), db=aliased_target.args.get("db"))
        elif frm is not None:
            query_sql = f"SELECT {items} FROM {target.sql(dialect=dialect)}, {from_sql}"
        else:
            query_sql = f"SELECT {items} FROM {target.sql(dialect=dialect)}"
        if stmt.args.get("where") is not None:
            query_sql += " " + stmt.args["where"].sql(dialect=dialect)
        query = sqlglot.parse_one(query_sql, read=dialect)
        if stmt.args.get("with") is not None:
            query.set("with", stmt.args["with"].copy())
    elif isinstance(stmt, exp.Merge):
        target = stmt.this
        items, cols = [], []
        for when in stmt.expressions:
            then = when.args.get("then")
            if isinstance(then, exp.Update):
                for e in then.expressions:
                    cols.append(e.this.name)
                    items.append(e.expression.copy())
            elif isinstance(then, exp.Insert):
                names = [c.name for c in then.this.expressions] if isinstance(then.this, exp.Tuple) else []
                values = then.expression.expressions if then.expression is not None else []
                for name, v in zip(names, values):
                    cols.append(name)
                    items.append(v.copy())
        if not items:
            return []
        query = exp.select(*items).from_(target.copy()).join(stmt.args["using"].copy(), join_type="cross")
    else:
        return []
    if not isinstance(target, exp.Table) or query is None:
        return []
    if stmt.args.get("with") is not None and isinstance(stmt, (exp.Insert, exp.Update)):
        query = query.copy()
        query.set("with", stmt.args["with"].copy())  # WITH ... INSERT: the CTEs belong to the query
    while isinstance(query, exp.Subquery):
        query = query.this  # AS (SELECT ...), INSERT INTO t (SELECT ...)
    tname = table_name(target)
    if cols is None:
        cols = known_columns(case, tname)
    with_ = query.args.get("with")
    branches = []

    def flatten(q):
        if isinstance(q, exp.Union):
            flatten(q.left)
            flatten(q.right)
        else:
            while isinstance(q, exp.Subquery):
                q = q.this
            branches.append(q)

    flatten(query)
    out = []
    for branch in branches:
        b = branch.copy()
        if with_ is not None and b.args.get("with") is None:
            b.set("with", with_.copy())
        original = [name_of(sel, dialect) for sel in b.selects] if isinstance(b, exp.Select) else []
        starred = any(isinstance(sel, exp.Star) or (isinstance(sel, exp.Column) and isinstance(sel.this, exp.Star))
                      for sel in (b.selects if isinstance(b, exp.Select) else []))
        try:
            b = qualify_columns(qualify_tables(b), schema=schema or None)  # expands * where it can
        except Exception:
            pass
        if not isinstance(b, exp.Select):
            continue
        names = original if not starred and len(original) == len(b.selects) else [
            name_of(sel, dialect) for sel in b.selects]
        # alias every output so lineage can find it by name
        b.set("expressions", [s if s.alias else exp.alias_(s.copy(), f"_c{i}") for i, s in enumerate(b.selects)])
        first = branches[0] is branch
        for i, sel in enumerate(b.selects):
            if cols is not None and i < len(cols):
                tcol = cols[i]
            elif first:
                tcol = names[i]
            else:
                tcol = out_names[i] if i < len(out_names) else names[i]
            try:
                for src in sources_of(sel.alias, b, schema, dialect):
                    out.append((src, tname + "." + tcol))
            except Exception:
                pass
        if first:
            out_names = [cols[i] if cols is not None and i < len(cols) else n for i, n in enumerate(names)]
    return out


def name_of(sel, dialect):
    """The output name sqllineage gives a select item: its alias, its column, else its text."""
    if isinstance(sel, exp.Alias):
        return sel.alias
    if isinstance(sel, exp.Column):
        return sel.name
    return sel.sql(dialect=dialect)


def compose(pairs):
    nxt, incoming, loops = {}, set(), set()
    for s, t in pairs:
        if norm(s) == norm(t):
            loops.add(edge(s, t))
            continue
        nxt.setdefault(norm(s), set()).add(norm(t))
        incoming.add(norm(t))
    out = set(loops)
    for start in nxt:
        if start in incoming:
            continue
        seen, stack = set(), [start]
        while stack:
            n = stack.pop()
            outs = nxt.get(n)
            if not outs and n != start:
                out.add(edge(start, n))
                continue
            for m in outs or ():
                if m not in seen:
                    seen.add(m)
                    stack.append(m)
    return out


def analyse(case):
    dialect = DIALECTS.get(case["dialect"], case["dialect"])
    schema = schema_of(case)
    pairs, statements = [], 0
    try:
        parsed = sqlglot.parse(case["sql"], read=dialect)
    except Exception:
        return set(), 1
    for stmt in parsed:
        if stmt is None:
            continue
        statements += 1
        try:
            pairs.extend(statement_edges(stmt, case, schema, dialect))
        except Exception:
            pass
    return compose(pairs), max(statements, 1)


def main():
    args = sys.argv[1:]
    quiet = "--quiet" in args
    seconds = 3.0
    if "--seconds" in args:
        seconds = float(args[args.index("--seconds") + 1])
    path = [a for a in args if a.endswith(".jsonl")][0]
    cases = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    passed = 0
    for case in cases:
        expected = {edge(s, t) for s, t in case["edges"]}
        actual, _ = analyse(case)
        ok = actual == expected
        passed += ok
        if not ok or not quiet:
            print(("PASS " if ok else "FAIL ") + case["id"])
    # throughput: warm, one thread, statements per second over all cases
    end = time.perf_counter() + min(2.0, seconds)
    while time.perf_counter() < end:
        for case in cases:
            analyse(case)
    statements, start = 0, time.perf_counter()
    end = start + seconds
    while True:
        for case in cases:
            statements += analyse(case)[1]
        now = time.perf_counter()
        if now >= end:
            break
    rate = statements / (now - start)
    print(f"\nsqlglot {sqlglot.__version__}: {passed}/{len(cases)} cases pass ({100.0 * passed / len(cases):.1f}%); "
          f"{rate:.0f} statements/s warm, one thread")
    print(f"RESULT engine=sqlglot passed={passed} total={len(cases)} stmts_per_sec={rate:.0f}")


if __name__ == "__main__":
    main()
