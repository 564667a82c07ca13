//! One file a page.

mod admin_dashboard;
mod admin_disputes;
mod admin_member;
mod admin_members;
mod balance;
mod home;
mod login;
mod my_services;
mod not_found;
mod notifications;
mod password;
mod profile;
mod request;
mod requests;
mod service;
mod services;
mod settings;
mod signup;
mod unsubscribe;

pub use admin_dashboard::AdminDashboardPage;
pub use admin_disputes::AdminDisputesPage;
pub use admin_member::AdminMemberPage;
pub use admin_members::AdminMembersPage;
pub use balance::BalancePage;
pub use home::HomePage;
pub use login::LoginPage;
pub use my_services::MyServicesPage;
pub use not_found::NotFound;
pub use notifications::NotificationsPage;
pub use password::{ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage};
pub use profile::ProfilePage;
pub use request::RequestPage;
pub use requests::{InboxPage, MyRequestsPage};
pub use service::ServicePage;
pub use services::ServicesPage;
pub use settings::SettingsPage;
pub use signup::SignupPage;
pub use unsubscribe::UnsubscribePage;

/// `s` as one value of a URL's query string (RFC 3986 unreserved bytes kept, the rest
/// percent-encoded).
fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
