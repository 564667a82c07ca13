//! The ledger's rules, without I/O: a transfer is a set of legs that sum to zero.
//!
//! Every member has two buckets, `available` and `held`; the system account issues
//! grants and is the only account allowed below zero. The store (server side) writes a
//! [`BalancedTransfer`] and nothing else, so an unbalanced posting cannot be expressed.

use super::{MemberId, Minutes};
use serde::{Deserialize, Serialize};

/// The reasons HourBank itself writes on the transfers it makes, stored as these words
/// (an admin's grant or deduction carries the admin's own words instead).
pub mod reasons {
    pub const STARTING_CREDIT: &str = "starting credit";
    pub const ESCROW_HOLD: &str = "escrow hold";
    pub const HOLD_ADJUSTED: &str = "hold adjusted to negotiated terms";
    pub const PAYMENT: &str = "payment";
    pub const REFUND: &str = "refund";
    pub const DISPUTE_SPLIT: &str = "dispute split";
}

/// A stored reason in the reader's words: HourBank's own reasons from the catalogue, an
/// admin's as they typed it.
pub fn reason_words(stored: &str, v: &crate::i18n::Viewer) -> String {
    match stored {
        reasons::STARTING_CREDIT => v.t("ld-starting-credit"),
        reasons::ESCROW_HOLD => v.t("ld-escrow-hold"),
        reasons::HOLD_ADJUSTED => v.t("ld-hold-adjusted"),
        reasons::PAYMENT => v.t("ld-payment"),
        reasons::REFUND => v.t("ld-refund"),
        reasons::DISPUTE_SPLIT => v.t("ld-dispute-split"),
        typed => typed.to_owned(),
    }
}

/// Limit on the legs of one transfer (a hold adjustment or a split needs four).
pub const MAX_LEGS: usize = 8;
/// Limit on one leg: 100,000 hours. Keeps every sum far from overflow.
pub const MAX_LEG_MINUTES: i64 = 100_000 * 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Account {
    System,
    Member(MemberId),
}

impl Account {
    /// The key stored in `ledger_accounts.id`.
    pub fn key(&self) -> String {
        match self {
            Account::System => "system".to_owned(),
            Account::Member(id) => id.to_string(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Bucket {
    Available,
    Held,
}

impl Bucket {
    pub fn as_str(self) -> &'static str {
        match self {
            Bucket::Available => "available",
            Bucket::Held => "held",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TransferKind {
    /// System → member (starting credit, admin grant).
    Grant,
    /// Member → system (admin deduction).
    Deduct,
    /// Member available → member held (escrow).
    Hold,
    /// Member held → provider available (payment).
    Post,
    /// Member held → member available (refund).
    Void,
    /// Change of a pending hold's size.
    Adjust,
}

impl TransferKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TransferKind::Grant => "grant",
            TransferKind::Deduct => "deduct",
            TransferKind::Hold => "hold",
            TransferKind::Post => "post",
            TransferKind::Void => "void",
            TransferKind::Adjust => "adjust",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leg {
    pub account: Account,
    pub bucket: Bucket,
    pub amount: Minutes,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LedgerRuleError {
    #[error("a transfer needs between 2 and {MAX_LEGS} legs")]
    LegCount,
    #[error("a leg of zero minutes")]
    ZeroLeg,
    #[error("a leg larger than the limit of {MAX_LEG_MINUTES} minutes")]
    LegTooLarge,
    #[error("the legs do not sum to zero (off by {0} minutes)")]
    Unbalanced(i64),
    #[error("the amount must be positive")]
    NonPositiveAmount,
    #[error("a transfer from an account to itself")]
    SelfTransfer,
}

/// Legs that were checked to sum to zero, each non-zero and within limits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BalancedTransfer {
    kind: TransferKind,
    legs: Vec<Leg>,
}

impl BalancedTransfer {
    pub fn new(kind: TransferKind, legs: Vec<Leg>) -> Result<Self, LedgerRuleError> {
        if legs.len() < 2 || legs.len() > MAX_LEGS {
            return Err(LedgerRuleError::LegCount);
        }
        let mut sum: i64 = 0;
        for leg in &legs {
            if leg.amount.0 == 0 {
                return Err(LedgerRuleError::ZeroLeg);
            }
            if leg.amount.0.abs() > MAX_LEG_MINUTES {
                return Err(LedgerRuleError::LegTooLarge);
            }
            // Cannot overflow: at most MAX_LEGS legs of at most MAX_LEG_MINUTES each.
            sum += leg.amount.0;
        }
        if sum != 0 {
            return Err(LedgerRuleError::Unbalanced(sum));
        }
        Ok(Self { kind, legs })
    }

    pub fn kind(&self) -> TransferKind {
        self.kind
    }

    pub fn legs(&self) -> &[Leg] {
        &self.legs
    }

    /// System credits a member (starting credit, admin grant).
    pub fn grant(to: MemberId, amount: Minutes) -> Result<Self, LedgerRuleError> {
        positive(amount)?;
        Self::new(
            TransferKind::Grant,
            vec![
                leg(Account::System, Bucket::Available, -amount.0),
                leg(Account::Member(to), Bucket::Available, amount.0),
            ],
        )
    }

    /// A member's hours go back to the system (admin deduction).
    pub fn deduct(from: MemberId, amount: Minutes) -> Result<Self, LedgerRuleError> {
        positive(amount)?;
        Self::new(
            TransferKind::Deduct,
            vec![
                leg(Account::Member(from), Bucket::Available, -amount.0),
                leg(Account::System, Bucket::Available, amount.0),
            ],
        )
    }

    /// Escrow: available → held on the payer's own account.
    pub fn hold(payer: MemberId, amount: Minutes) -> Result<Self, LedgerRuleError> {
        positive(amount)?;
        Self::new(
            TransferKind::Hold,
            vec![
                leg(Account::Member(payer), Bucket::Available, -amount.0),
                leg(Account::Member(payer), Bucket::Held, amount.0),
            ],
        )
    }

    /// Payment out of escrow: payer's held → payee's available.
    pub fn post(
        payer: MemberId,
        payee: MemberId,
        amount: Minutes,
    ) -> Result<Self, LedgerRuleError> {
        positive(amount)?;
        if payer == payee {
            return Err(LedgerRuleError::SelfTransfer);
        }
        Self::new(
            TransferKind::Post,
            vec![
                leg(Account::Member(payer), Bucket::Held, -amount.0),
                leg(Account::Member(payee), Bucket::Available, amount.0),
            ],
        )
    }

    /// Refund out of escrow: payer's held → payer's available.
    pub fn void(payer: MemberId, amount: Minutes) -> Result<Self, LedgerRuleError> {
        positive(amount)?;
        Self::new(
            TransferKind::Void,
            vec![
                leg(Account::Member(payer), Bucket::Held, -amount.0),
                leg(Account::Member(payer), Bucket::Available, amount.0),
            ],
        )
    }
}

fn positive(amount: Minutes) -> Result<(), LedgerRuleError> {
    if amount.0 <= 0 {
        Err(LedgerRuleError::NonPositiveAmount)
    } else {
        Ok(())
    }
}

fn leg(account: Account, bucket: Bucket, amount: i64) -> Leg {
    Leg {
        account,
        bucket,
        amount: Minutes(amount),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> MemberId {
        MemberId::generate()
    }

    #[test]
    fn named_transfers_balance() {
        let (a, b) = (m(), m());
        for t in [
            BalancedTransfer::grant(a, Minutes(60)).unwrap(),
            BalancedTransfer::deduct(a, Minutes(60)).unwrap(),
            BalancedTransfer::hold(a, Minutes(60)).unwrap(),
            BalancedTransfer::post(a, b, Minutes(60)).unwrap(),
            BalancedTransfer::void(a, Minutes(60)).unwrap(),
        ] {
            assert_eq!(t.legs().iter().map(|l| l.amount.0).sum::<i64>(), 0);
        }
    }

    #[test]
    fn unbalanced_zero_and_oversized_legs_are_refused() {
        let a = m();
        let l = |x| leg(Account::Member(a), Bucket::Available, x);
        assert_eq!(
            BalancedTransfer::new(TransferKind::Grant, vec![l(5), l(-4)]),
            Err(LedgerRuleError::Unbalanced(1))
        );
        assert_eq!(
            BalancedTransfer::new(TransferKind::Grant, vec![l(0), l(0)]),
            Err(LedgerRuleError::ZeroLeg)
        );
        assert_eq!(
            BalancedTransfer::new(TransferKind::Grant, vec![l(1)]),
            Err(LedgerRuleError::LegCount)
        );
        assert_eq!(
            BalancedTransfer::new(
                TransferKind::Grant,
                vec![l(MAX_LEG_MINUTES + 1), l(-MAX_LEG_MINUTES - 1)]
            ),
            Err(LedgerRuleError::LegTooLarge)
        );
        assert_eq!(
            BalancedTransfer::grant(a, Minutes(0)),
            Err(LedgerRuleError::NonPositiveAmount)
        );
        assert_eq!(
            BalancedTransfer::post(a, a, Minutes(5)),
            Err(LedgerRuleError::SelfTransfer)
        );
    }
}
