//! Languages and time zones. Every word a member or admin reads comes from the
//! catalogue, one Fluent file per language in `app/locales/` (`en.ftl`, `es.ftl`,
//! `ca.ftl`; a new language is a new file). Messages travel as data ([`Text`]: a key and
//! typed arguments) and become words at the edge, for the [`Viewer`]: their language and
//! their time zone. Instants stay instants (UTC milliseconds) everywhere else.

mod catalogue;
mod format;
mod lang;
mod text;
mod viewer;
mod zone;

pub use catalogue::keys;
pub use format::{parse_local_input, LocalTimeError};
pub use lang::Lang;
pub use text::{Arg, Text};
pub use viewer::{page_viewer, provide_viewer, use_viewer, Viewer};
pub use zone::Zone;
