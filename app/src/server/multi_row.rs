//! Multi-row statements: one statement writes many rows, on SQLite and PostgreSQL alike.
//! Each statement costs a round trip to PostgreSQL (and, on SQLite, a pass through the
//! statement's bindings), so batches write a table in as few statements as the
//! databases' parameter limits allow.

/// How a statement numbers its parameters. PostgreSQL needs `$1, $2, …`. SQLite takes
/// those too (the write connection reads `$n` as `?n`), but bare `?`s make a
/// 10,000-parameter statement shorter to write and to parse, and need no rewriting.
/// (Through sqlx-sqlite, which wrote them before, numbered parameters were looked up by
/// name: n² steps, 13 % of the server's CPU in a sweep.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `$1, $2, …` (PostgreSQL).
    Numbered,
    /// `?, ?, …`, bound in the order they appear in the text (SQLite).
    Anonymous,
}

impl Style {
    /// The style for the database `tx` writes to.
    pub fn of(tx: &super::group_commit::WriteTx) -> Style {
        if tx.is_sqlite() {
            Style::Anonymous
        } else {
            Style::Numbered
        }
    }

    fn param(self, n: usize) -> String {
        match self {
            Style::Numbered => format!("${n}"),
            Style::Anonymous => "?".to_owned(),
        }
    }
}

/// Parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535.
pub const MAX_PARAMS: usize = 30_000;

/// How many rows of `columns` parameters fit in one statement.
pub fn rows_per_statement(columns: usize) -> usize {
    (MAX_PARAMS / columns.max(1)).max(1)
}

/// `($1, …, $k), ($k+1, …), …` for `rows` rows of `columns` parameters.
pub fn placeholders(style: Style, columns: usize, rows: usize) -> String {
    typed_placeholders(style, &vec![None; columns], rows)
}

/// As [`placeholders`], each parameter cast to its column's SQL type where one is given
/// (`Some("BIGINT")`), as a `VALUES` list read by an `UPDATE … FROM` needs on
/// PostgreSQL, which otherwise takes untyped parameters for text.
pub fn typed_placeholders(style: Style, types: &[Option<&str>], rows: usize) -> String {
    let columns = types.len();
    (0..rows)
        .map(|r| {
            let params: Vec<String> = types
                .iter()
                .enumerate()
                .map(|(c, ty)| {
                    let p = style.param(r * columns + c + 1);
                    match ty {
                        Some(ty) => format!("CAST({p} AS {ty})"),
                        None => p,
                    }
                })
                .collect();
            format!("({})", params.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `INSERT INTO <table_and_columns> VALUES ($1, …, $k), ($k+1, …), …` for `rows` rows.
pub fn insert(style: Style, table_and_columns: &str, columns: usize, rows: usize) -> String {
    format!(
        "INSERT INTO {table_and_columns} VALUES {}",
        placeholders(style, columns, rows)
    )
}

/// `$first, $first+1, …` for `n` values (an `IN (…)` list).
pub fn list(style: Style, first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| style.param(i))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_number_every_parameter_once_row_by_row() {
        use Style::*;
        assert_eq!(placeholders(Numbered, 2, 2), "($1, $2), ($3, $4)");
        assert_eq!(placeholders(Anonymous, 2, 2), "(?, ?), (?, ?)");
        assert_eq!(
            typed_placeholders(Numbered, &[Some("TEXT"), None], 2),
            "(CAST($1 AS TEXT), $2), (CAST($3 AS TEXT), $4)"
        );
        assert_eq!(
            insert(Numbered, "t (a)", 1, 2),
            "INSERT INTO t (a) VALUES ($1), ($2)"
        );
        assert_eq!(list(Numbered, 3, 2), "$3, $4");
        assert_eq!(list(Anonymous, 3, 2), "?, ?");
    }

    #[test]
    fn a_statement_stays_under_both_databases_parameter_limits() {
        for columns in [1, 3, 7, 10, 13] {
            let rows = rows_per_statement(columns);
            assert!(rows * columns <= 32_766, "{columns} columns: {rows} rows");
            assert!((rows + 1) * columns > MAX_PARAMS);
        }
    }
}
