//! The statements of HourBank's stores, on either database, with one text each.
//!
//! A statement runs in a write transaction ([`WriteTx`], from `Db::begin_write`) or on
//! the read connections ([`Reads`], `Db::read`). On SQLite both are `rusqlite`
//! connections driven in place: a write transaction holds the write connection itself —
//! behind the group commit's lock — and a read borrows an idle read connection
//! ([`super::read_connections`]); either way the statement runs synchronously on the
//! thread the task is running on, prepared once and then taken from the connection's
//! statement cache: no hand-off to a worker thread, no channel, no wake-up per
//! statement. On PostgreSQL the statement goes to sqlx (the transaction's connection, or
//! the read pool).
//!
//! The API follows sqlx's (`query`, `query_scalar`, `query_as`, `.bind`, `.execute`,
//! `.fetch_one/optional/all`, `row.try_get`), so a store function reads the same for both
//! databases, and errors are sqlx's, so the store's classification (unique, check,
//! transient) is written once. Queries use `$1` placeholders, which SQLite takes as `?1`;
//! multi-row statements may use bare `?`s on SQLite ([`super::multi_row`]).
//!
//! A statement blocks the thread it runs on for as long as SQLite takes (microseconds for
//! the lifecycle's statements and a page's reads; the commit's fsync is the longest
//! wait), which is the price of no hand-off, and the same time a worker thread would
//! spend. Reads that scan whole tables say so ([`Query::long`]).

use std::borrow::Cow;
use std::marker::PhantomData;
use std::sync::Arc;

use sqlx::any::{AnyArguments, AnyRow};
use sqlx::Any;

use super::group_commit::{Conn, WriteTx};
use super::read_connections::ReadConnections;

/// Where reads run: SQLite's read connections, or PostgreSQL's read pool.
#[derive(Clone, Debug)]
pub enum Reads {
    Lite(Arc<ReadConnections>),
    Any(sqlx::AnyPool),
}

impl Reads {
    pub async fn close(&self) {
        if let Reads::Any(pool) = self {
            pool.close().await;
        }
    }
}

/// Where one statement runs: `&mut WriteTx` or `&Reads`.
pub enum On<'c> {
    Tx(&'c mut WriteTx),
    Read(&'c Reads),
}

impl<'c> From<&'c mut WriteTx> for On<'c> {
    fn from(tx: &'c mut WriteTx) -> Self {
        On::Tx(tx)
    }
}

impl<'c> From<&'c Reads> for On<'c> {
    fn from(reads: &'c Reads) -> Self {
        On::Read(reads)
    }
}

/// A bound parameter: the three types HourBank stores (BIGINT, TEXT, DOUBLE), each nullable.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'q> {
    Int(Option<i64>),
    Text(Option<Cow<'q, str>>),
    Real(Option<f64>),
}

impl From<i64> for Arg<'_> {
    fn from(v: i64) -> Self {
        Arg::Int(Some(v))
    }
}
impl From<Option<i64>> for Arg<'_> {
    fn from(v: Option<i64>) -> Self {
        Arg::Int(v)
    }
}
impl From<i32> for Arg<'_> {
    fn from(v: i32) -> Self {
        Arg::Int(Some(i64::from(v)))
    }
}
impl From<f64> for Arg<'_> {
    fn from(v: f64) -> Self {
        Arg::Real(Some(v))
    }
}
impl From<String> for Arg<'_> {
    fn from(v: String) -> Self {
        Arg::Text(Some(Cow::Owned(v)))
    }
}
impl From<Option<String>> for Arg<'_> {
    fn from(v: Option<String>) -> Self {
        Arg::Text(v.map(Cow::Owned))
    }
}
impl<'q> From<&'q str> for Arg<'q> {
    fn from(v: &'q str) -> Self {
        Arg::Text(Some(Cow::Borrowed(v)))
    }
}
impl<'q> From<&'q String> for Arg<'q> {
    fn from(v: &'q String) -> Self {
        Arg::Text(Some(Cow::Borrowed(v.as_str())))
    }
}
impl<'q> From<Option<&'q str>> for Arg<'q> {
    fn from(v: Option<&'q str>) -> Self {
        Arg::Text(v.map(Cow::Borrowed))
    }
}

/// What a statement did: the rows it changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Done {
    rows_affected: u64,
}

impl Done {
    pub fn rows_affected(&self) -> u64 {
        self.rows_affected
    }
}

/// A statement and its parameters (sqlx's `query`).
#[must_use = "a statement does nothing until it is executed or fetched"]
pub struct Query<'q> {
    sql: &'q str,
    args: Vec<Arg<'q>>,
    long: bool,
}

pub fn query(sql: &str) -> Query<'_> {
    Query {
        sql,
        args: Vec::new(),
        long: false,
    }
}

impl<'q> Query<'q> {
    pub fn bind(mut self, value: impl Into<Arg<'q>>) -> Self {
        self.args.push(value.into());
        self
    }

    /// Marks a read that scans whole tables (the audit, the ledger check): on SQLite it
    /// runs where tokio moves the worker's other tasks away while it reads.
    pub fn long(mut self) -> Self {
        self.long = true;
        self
    }

    pub async fn execute(self, tx: &mut WriteTx) -> Result<Done, sqlx::Error> {
        match tx.conn() {
            Conn::Lite(conn) => {
                lite::in_transaction(conn).and_then(|()| lite::execute(conn, self.sql, &self.args))
            }
            Conn::Any(conn) => {
                let r = sqlx::Executor::execute(conn, self.into_sqlx()).await?;
                Ok(Done {
                    rows_affected: r.rows_affected(),
                })
            }
        }
    }

    /// Up to `limit` rows (`usize::MAX`: all of them).
    async fn fetch(self, on: On<'_>, limit: usize) -> Result<Vec<Row>, sqlx::Error> {
        match on {
            On::Tx(tx) => match tx.conn() {
                Conn::Lite(conn) => lite::in_transaction(conn)
                    .and_then(|()| lite::fetch(conn, self.sql, &self.args, limit)),
                Conn::Any(conn) => self.fetch_sqlx(conn, limit).await,
            },
            On::Read(Reads::Lite(reads)) => {
                let Query { sql, args, long } = self;
                reads.with(long, |conn| lite::fetch(conn, sql, &args, limit))
            }
            On::Read(Reads::Any(pool)) => self.fetch_sqlx(pool, limit).await,
        }
    }

    async fn fetch_sqlx<'e>(
        self,
        on: impl sqlx::Executor<'e, Database = Any>,
        limit: usize,
    ) -> Result<Vec<Row>, sqlx::Error>
    where
        'q: 'e,
    {
        let rows = if limit == 1 {
            on.fetch_optional(self.into_sqlx())
                .await?
                .into_iter()
                .collect()
        } else {
            on.fetch_all(self.into_sqlx()).await?
        };
        Ok(rows.into_iter().map(Row::Any).collect())
    }

    pub async fn fetch_all<'c>(self, on: impl Into<On<'c>>) -> Result<Vec<Row>, sqlx::Error> {
        self.fetch(on.into(), usize::MAX).await
    }

    pub async fn fetch_optional<'c>(
        self,
        on: impl Into<On<'c>>,
    ) -> Result<Option<Row>, sqlx::Error> {
        Ok(self.fetch(on.into(), 1).await?.pop())
    }

    pub async fn fetch_one<'c>(self, on: impl Into<On<'c>>) -> Result<Row, sqlx::Error> {
        self.fetch_optional(on)
            .await?
            .ok_or(sqlx::Error::RowNotFound)
    }

    fn into_sqlx(self) -> sqlx::query::Query<'q, Any, AnyArguments<'q>> {
        let mut q = sqlx::query(self.sql);
        for arg in self.args {
            q = match arg {
                Arg::Int(v) => q.bind(v),
                Arg::Real(v) => q.bind(v),
                Arg::Text(None) => q.bind(None::<String>),
                Arg::Text(Some(Cow::Borrowed(s))) => q.bind(s),
                Arg::Text(Some(Cow::Owned(s))) => q.bind(s),
            };
        }
        q
    }
}

/// A statement whose rows are one value each (sqlx's `query_scalar`): a [`query_as`] of
/// one-element tuples, unwrapped.
#[must_use = "a statement does nothing until it is fetched"]
pub struct Scalar<'q, T>(As<'q, (T,)>);

pub fn query_scalar<T: Decode>(sql: &str) -> Scalar<'_, T> {
    Scalar(query_as(sql))
}

impl<'q, T: Decode> Scalar<'q, T> {
    pub fn bind(self, value: impl Into<Arg<'q>>) -> Self {
        Scalar(self.0.bind(value))
    }

    /// See [`Query::long`].
    pub fn long(self) -> Self {
        Scalar(self.0.long())
    }

    pub async fn fetch_all<'c>(self, on: impl Into<On<'c>>) -> Result<Vec<T>, sqlx::Error> {
        Ok(self
            .0
            .fetch_all(on)
            .await?
            .into_iter()
            .map(|(v,)| v)
            .collect())
    }

    pub async fn fetch_optional<'c>(self, on: impl Into<On<'c>>) -> Result<Option<T>, sqlx::Error> {
        Ok(self.0.fetch_optional(on).await?.map(|(v,)| v))
    }

    pub async fn fetch_one<'c>(self, on: impl Into<On<'c>>) -> Result<T, sqlx::Error> {
        Ok(self.0.fetch_one(on).await?.0)
    }
}

/// A statement whose rows are tuples (sqlx's `query_as`).
#[must_use = "a statement does nothing until it is fetched"]
pub struct As<'q, T> {
    query: Query<'q>,
    out: PhantomData<fn() -> T>,
}

pub fn query_as<T: FromRow>(sql: &str) -> As<'_, T> {
    As {
        query: query(sql),
        out: PhantomData,
    }
}

impl<'q, T: FromRow> As<'q, T> {
    pub fn bind(mut self, value: impl Into<Arg<'q>>) -> Self {
        self.query = self.query.bind(value);
        self
    }

    /// See [`Query::long`].
    pub fn long(mut self) -> Self {
        self.query = self.query.long();
        self
    }

    pub async fn fetch_all<'c>(self, on: impl Into<On<'c>>) -> Result<Vec<T>, sqlx::Error> {
        self.query
            .fetch_all(on)
            .await?
            .iter()
            .map(T::from_row)
            .collect()
    }

    pub async fn fetch_optional<'c>(self, on: impl Into<On<'c>>) -> Result<Option<T>, sqlx::Error> {
        self.query
            .fetch_optional(on)
            .await?
            .as_ref()
            .map(T::from_row)
            .transpose()
    }

    pub async fn fetch_one<'c>(self, on: impl Into<On<'c>>) -> Result<T, sqlx::Error> {
        T::from_row(&self.query.fetch_one(on).await?)
    }
}

/// A row a statement returned.
pub enum Row {
    Any(AnyRow),
    Lite(LiteRow),
}

impl std::fmt::Debug for Row {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Row::Any(row) => write!(f, "Row::Any({} columns)", sqlx::Row::len(row)),
            Row::Lite(row) => f.debug_tuple("Row::Lite").field(row).finish(),
        }
    }
}

/// A row read from a SQLite connection, its values copied out of the statement.
#[derive(Debug)]
pub struct LiteRow {
    names: Arc<[String]>,
    values: Vec<rusqlite::types::Value>,
}

impl Row {
    /// The column at `index` (a name or a position) as `T`.
    pub fn try_get<T: Decode, I: ColumnIndex>(&self, index: I) -> Result<T, sqlx::Error> {
        match self {
            Row::Any(row) => sqlx::Row::try_get(row, index),
            Row::Lite(row) => {
                let at = index
                    .position(&row.names)
                    .filter(|&i| i < row.values.len())
                    .ok_or_else(|| sqlx::Error::ColumnNotFound(index.to_string()))?;
                T::from_lite(&row.values[at]).ok_or_else(|| sqlx::Error::ColumnDecode {
                    index: index.to_string(),
                    source: format!(
                        "SQLite holds {:?} there, not a {}",
                        row.values[at].data_type(),
                        std::any::type_name::<T>()
                    )
                    .into(),
                })
            }
        }
    }
}

/// A column's name or position.
pub trait ColumnIndex: sqlx::ColumnIndex<AnyRow> + std::fmt::Display + Copy {
    fn position(&self, names: &[String]) -> Option<usize>;
}

impl ColumnIndex for usize {
    fn position(&self, _names: &[String]) -> Option<usize> {
        Some(*self)
    }
}

impl ColumnIndex for &str {
    fn position(&self, names: &[String]) -> Option<usize> {
        names.iter().position(|n| n.eq_ignore_ascii_case(self))
    }
}

/// A type a column decodes to, from either database.
pub trait Decode: Sized + for<'r> sqlx::Decode<'r, Any> + sqlx::Type<Any> {
    fn from_lite(value: &rusqlite::types::Value) -> Option<Self>;
}

impl Decode for i64 {
    fn from_lite(value: &rusqlite::types::Value) -> Option<Self> {
        match value {
            rusqlite::types::Value::Integer(i) => Some(*i),
            _ => None,
        }
    }
}

impl Decode for i32 {
    fn from_lite(value: &rusqlite::types::Value) -> Option<Self> {
        i64::from_lite(value).and_then(|i| i32::try_from(i).ok())
    }
}

impl Decode for bool {
    fn from_lite(value: &rusqlite::types::Value) -> Option<Self> {
        i64::from_lite(value).map(|i| i != 0)
    }
}

impl Decode for f64 {
    fn from_lite(value: &rusqlite::types::Value) -> Option<Self> {
        match value {
            rusqlite::types::Value::Real(f) => Some(*f),
            rusqlite::types::Value::Integer(i) => Some(*i as f64),
            _ => None,
        }
    }
}

impl Decode for String {
    fn from_lite(value: &rusqlite::types::Value) -> Option<Self> {
        match value {
            rusqlite::types::Value::Text(s) => Some(s.clone()),
            _ => None,
        }
    }
}

impl<T: Decode> Decode for Option<T> {
    fn from_lite(value: &rusqlite::types::Value) -> Option<Self> {
        match value {
            rusqlite::types::Value::Null => Some(None),
            v => T::from_lite(v).map(Some),
        }
    }
}

/// A tuple made from a row's columns in order (sqlx's `FromRow` for tuples).
pub trait FromRow: Sized {
    fn from_row(row: &Row) -> Result<Self, sqlx::Error>;
}

macro_rules! tuple_from_row {
    ($($t:ident $i:tt),+) => {
        impl<$($t: Decode),+> FromRow for ($($t,)+) {
            fn from_row(row: &Row) -> Result<Self, sqlx::Error> {
                Ok(($(row.try_get::<$t, usize>($i)?,)+))
            }
        }
    };
}
tuple_from_row!(A 0);
tuple_from_row!(A 0, B 1);
tuple_from_row!(A 0, B 1, C 2);
tuple_from_row!(A 0, B 1, C 2, D 3);
tuple_from_row!(A 0, B 1, C 2, D 3, E 4);
tuple_from_row!(A 0, B 1, C 2, D 3, E 4, F 5);
tuple_from_row!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_from_row!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
tuple_from_row!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
tuple_from_row!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
tuple_from_row!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);
tuple_from_row!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11);

/// SQLite's side: statements on a `rusqlite` connection (the write connection or a read one).
pub(crate) mod lite {
    use std::borrow::Cow;
    use std::sync::Arc;

    use rusqlite::Connection;

    use super::{Arg, Done, LiteRow, Row};

    /// How many prepared statements the write connection keeps (the lifecycle's
    /// statements and the sweep's batch shapes).
    pub const STATEMENT_CACHE: usize = 256;

    /// `$12` → `?12`: SQLite binds `?NNN` by number, where `$NNN` is a name it looks up.
    /// Every `$` followed by a digit is rewritten, inside a quoted string too: a statement
    /// that needs a literal `$1` binds it as a parameter instead.
    pub fn positional(sql: &str) -> Cow<'_, str> {
        if !sql.contains('$') {
            return Cow::Borrowed(sql);
        }
        let mut out = String::with_capacity(sql.len());
        let mut chars = sql.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
                out.push('?');
            } else {
                out.push(c);
            }
        }
        Cow::Owned(out)
    }

    fn prepared<'c>(
        conn: &'c Connection,
        sql: &str,
        args: &[Arg<'_>],
    ) -> Result<rusqlite::CachedStatement<'c>, sqlx::Error> {
        let mut stmt = conn.prepare_cached(&positional(sql)).map_err(error)?;
        if stmt.parameter_count() != args.len() {
            return Err(sqlx::Error::Protocol(format!(
                "the statement takes {} parameters and was given {}: {sql}",
                stmt.parameter_count(),
                args.len()
            )));
        }
        for (i, arg) in args.iter().enumerate() {
            match arg {
                Arg::Int(v) => stmt.raw_bind_parameter(i + 1, v),
                Arg::Real(v) => stmt.raw_bind_parameter(i + 1, v),
                Arg::Text(v) => stmt.raw_bind_parameter(i + 1, v.as_deref()),
            }
            .map_err(error)?;
        }
        Ok(stmt)
    }

    /// Runs a statement to its end and counts the rows it changed.
    pub fn execute(conn: &Connection, sql: &str, args: &[Arg<'_>]) -> Result<Done, sqlx::Error> {
        let mut stmt = prepared(conn, sql, args)?;
        let mut rows = stmt.raw_query();
        while rows.next().map_err(error)?.is_some() {}
        drop(rows);
        let rows_affected = if stmt.readonly() { 0 } else { conn.changes() };
        Ok(Done { rows_affected })
    }

    /// Runs a statement and copies out up to `limit` rows.
    pub fn fetch(
        conn: &Connection,
        sql: &str,
        args: &[Arg<'_>],
        limit: usize,
    ) -> Result<Vec<Row>, sqlx::Error> {
        let mut stmt = prepared(conn, sql, args)?;
        let names: Arc<[String]> = stmt.column_names().into_iter().map(str::to_owned).collect();
        let columns = names.len();
        let mut out = Vec::new();
        let mut rows = stmt.raw_query();
        while out.len() < limit {
            let Some(row) = rows.next().map_err(error)? else {
                break;
            };
            let values = (0..columns)
                .map(|i| row.get_ref(i).map(rusqlite::types::Value::from))
                .collect::<Result<Vec<_>, _>>()
                .map_err(error)?;
            out.push(Row::Lite(LiteRow {
                names: names.clone(),
                values,
            }));
        }
        Ok(out)
    }

    /// A write transaction's statements run only inside its transaction: SQLite ends a
    /// transaction itself on some errors (I/O, a full disk), and a statement after that
    /// would commit on its own, outside the transaction it was meant for.
    pub fn in_transaction(conn: &Connection) -> Result<(), sqlx::Error> {
        if conn.is_autocommit() {
            return Err(sqlx::Error::Io(std::io::Error::other(
                "SQLite ended this write transaction; it is run again",
            )));
        }
        Ok(())
    }

    /// A statement with no parameters and no rows (transaction control, pragmas).
    pub fn run(conn: &Connection, sql: &str) -> Result<(), sqlx::Error> {
        execute(conn, sql, &[]).map(|_| ())
    }

    /// SQLite's error, as sqlx reports it: the extended result code as the code, so the
    /// store classifies both drivers' errors alike.
    pub fn error(e: rusqlite::Error) -> sqlx::Error {
        match e {
            rusqlite::Error::SqliteFailure(failure, message) => {
                sqlx::Error::Database(Box::new(LiteError {
                    code: failure.extended_code,
                    message: message.unwrap_or_else(|| failure.to_string()),
                }))
            }
            other => sqlx::Error::Protocol(format!("SQLite: {other}")),
        }
    }

    /// An error SQLite returned.
    #[derive(Debug, thiserror::Error)]
    #[error("{message} (SQLite code {code})")]
    pub struct LiteError {
        code: i32,
        message: String,
    }

    impl sqlx::error::DatabaseError for LiteError {
        fn message(&self) -> &str {
            &self.message
        }

        fn code(&self) -> Option<Cow<'_, str>> {
            Some(Cow::Owned(self.code.to_string()))
        }

        fn as_error(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
            self
        }

        fn as_error_mut(&mut self) -> &mut (dyn std::error::Error + Send + Sync + 'static) {
            self
        }

        fn into_error(self: Box<Self>) -> Box<dyn std::error::Error + Send + Sync + 'static> {
            self
        }

        fn kind(&self) -> sqlx::error::ErrorKind {
            use rusqlite::ffi;
            use sqlx::error::ErrorKind;
            match self.code {
                ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY => {
                    ErrorKind::UniqueViolation
                }
                ffi::SQLITE_CONSTRAINT_FOREIGNKEY => ErrorKind::ForeignKeyViolation,
                ffi::SQLITE_CONSTRAINT_NOTNULL => ErrorKind::NotNullViolation,
                ffi::SQLITE_CONSTRAINT_CHECK => ErrorKind::CheckViolation,
                _ => ErrorKind::Other,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn numbered_parameters_become_positional_and_nothing_else_changes() {
            assert_eq!(
                positional("UPDATE t SET a = $2 WHERE id = $1 AND b = $10"),
                "UPDATE t SET a = ?2 WHERE id = ?1 AND b = ?10"
            );
            assert_eq!(positional("SELECT '$' || ?"), "SELECT '$' || ?");
            assert!(matches!(positional("SELECT 1"), Cow::Borrowed(_)));
        }

        #[test]
        fn rows_values_errors_and_counts_match_what_sqlx_reports() {
            let conn = Connection::open_in_memory().unwrap();
            run(
                &conn,
                "CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT NOT NULL CHECK (n >= 0), note TEXT)",
            )
            .unwrap();
            let ins = "INSERT INTO t (id, n, note) VALUES ($1, $2, $3)";
            let args =
                |id: &'static str, n: i64| vec![Arg::from(id), Arg::from(n), Arg::Text(None)];
            assert_eq!(
                execute(&conn, ins, &args("a", 1)).unwrap().rows_affected(),
                1
            );
            assert_eq!(
                execute(&conn, ins, &args("b", 2)).unwrap().rows_affected(),
                1
            );
            // $2 before $1 in the text still binds by number.
            let done = execute(
                &conn,
                "UPDATE t SET n = n + $2 WHERE id = $1",
                &[Arg::from("a"), Arg::from(10i64)],
            )
            .unwrap();
            assert_eq!(done.rows_affected(), 1);
            let rows = fetch(
                &conn,
                "SELECT id, n, note FROM t ORDER BY id",
                &[],
                usize::MAX,
            )
            .unwrap();
            assert_eq!(rows.len(), 2);
            assert_eq!(rows[0].try_get::<String, _>("id").unwrap(), "a");
            assert_eq!(rows[0].try_get::<i64, _>("N").unwrap(), 11);
            assert_eq!(rows[1].try_get::<Option<String>, _>(2).unwrap(), None);
            assert!(matches!(
                rows[0].try_get::<i64, _>("id"),
                Err(sqlx::Error::ColumnDecode { .. })
            ));
            assert!(matches!(
                rows[0].try_get::<i64, _>("missing"),
                Err(sqlx::Error::ColumnNotFound(_))
            ));
            // RETURNING rows come back from an UPDATE, and it counts them as changed.
            let rows = fetch(
                &conn,
                "UPDATE t SET n = n + 1 RETURNING id",
                &[],
                usize::MAX,
            )
            .unwrap();
            assert_eq!(rows.len(), 2);
            // A read changes nothing.
            assert_eq!(
                execute(&conn, "SELECT n FROM t", &[])
                    .unwrap()
                    .rows_affected(),
                0
            );

            let unique = execute(&conn, ins, &args("a", 5)).unwrap_err();
            let check = execute(&conn, ins, &args("c", -1)).unwrap_err();
            match (&unique, &check) {
                (sqlx::Error::Database(u), sqlx::Error::Database(c)) => {
                    assert!(u.is_unique_violation(), "{u}");
                    assert!(u.message().contains("UNIQUE constraint failed"), "{u}");
                    assert!(c.is_check_violation(), "{c}");
                }
                other => panic!("not database errors: {other:?}"),
            }
            let wrong = execute(&conn, ins, &[Arg::from("d")]).unwrap_err();
            assert!(wrong.to_string().contains("takes 3 parameters"), "{wrong}");
        }

        #[test]
        fn busy_is_reported_with_sqlite_s_code_so_the_store_retries_it() {
            let dir =
                std::env::temp_dir().join(format!("hb_lite_{}", uuid::Uuid::new_v4().simple()));
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join("db");
            let a = Connection::open(&path).unwrap();
            let b = Connection::open(&path).unwrap();
            run(&a, "CREATE TABLE t (n BIGINT)").unwrap();
            run(&a, "BEGIN IMMEDIATE").unwrap();
            let busy = run(&b, "BEGIN IMMEDIATE").unwrap_err();
            assert!(crate::server::db::is_transient(&busy), "{busy}");
            run(&a, "ROLLBACK").unwrap();
            drop((a, b));
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}
