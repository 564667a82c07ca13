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
mod profile;
mod request;
mod requests;
mod service;
mod services;
mod signup;

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
pub use profile::ProfilePage;
pub use request::RequestPage;
pub use requests::{InboxPage, MyRequestsPage};
pub use service::ServicePage;
pub use services::ServicesPage;
pub use signup::SignupPage;
