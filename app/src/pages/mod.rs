//! One file a page.

mod admin_members;
mod home;
mod login;
mod not_found;
mod signup;

pub use admin_members::AdminMembersPage;
pub use home::HomePage;
pub use login::LoginPage;
pub use not_found::NotFound;
pub use signup::SignupPage;
