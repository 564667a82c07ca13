//! Multi-row statements: one statement writes many rows, on SQLite and PostgreSQL alike.
//! Each statement costs a round trip (on SQLite, two thread hand-offs), so batches write
//! a table in as few statements as the databases' parameter limits allow.

/// Parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535.
pub const MAX_PARAMS: usize = 30_000;

/// How many rows of `columns` parameters fit in one statement.
pub fn rows_per_statement(columns: usize) -> usize {
    (MAX_PARAMS / columns.max(1)).max(1)
}

/// `($1, …, $k), ($k+1, …), …` for `rows` rows of `columns` parameters.
pub fn placeholders(columns: usize, rows: usize) -> String {
    typed_placeholders(&vec![None; columns], rows)
}

/// As [`placeholders`], each parameter cast to its column's SQL type where one is given
/// (`Some("BIGINT")`), as a `VALUES` list read by an `UPDATE … FROM` needs on
/// PostgreSQL, which otherwise takes untyped parameters for text.
pub fn typed_placeholders(types: &[Option<&str>], rows: usize) -> String {
    let columns = types.len();
    (0..rows)
        .map(|r| {
            let params: Vec<String> = types
                .iter()
                .enumerate()
                .map(|(c, ty)| {
                    let n = r * columns + c + 1;
                    match ty {
                        Some(ty) => format!("CAST(${n} AS {ty})"),
                        None => format!("${n}"),
                    }
                })
                .collect();
            format!("({})", params.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `INSERT INTO <table_and_columns> VALUES ($1, …, $k), ($k+1, …), …` for `rows` rows.
pub fn insert(table_and_columns: &str, columns: usize, rows: usize) -> String {
    format!(
        "INSERT INTO {table_and_columns} VALUES {}",
        placeholders(columns, rows)
    )
}

/// `$first, $first+1, …` for `n` values (an `IN (…)` list).
pub fn list(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_number_every_parameter_once_row_by_row() {
        assert_eq!(placeholders(2, 2), "($1, $2), ($3, $4)");
        assert_eq!(
            typed_placeholders(&[Some("TEXT"), None], 2),
            "(CAST($1 AS TEXT), $2), (CAST($3 AS TEXT), $4)"
        );
        assert_eq!(insert("t (a)", 1, 2), "INSERT INTO t (a) VALUES ($1), ($2)");
        assert_eq!(list(3, 2), "$3, $4");
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
