// Generated from spec/ by sas_spec::codegen::expand; do not edit by hand.
// Refresh: SNAPSHOTS=overwrite cargo test -p sas-core --test it expand

/// Object types shared by several entries (`[types]` of `spec/sas.toml`), and the
/// enumerations of their fields.
pub mod common {
    /// A created order: the response `data` of 2.1, 3.1 and 4.1.
    ///
    /// Build it with [`Prepay::new`] and set the optional fields after.
    #[derive(
        ::std::clone::Clone,
        ::std::cmp::PartialEq,
        ::sas_core::__private::serde::Serialize,
        ::sas_core::__private::serde::Deserialize,
    )]
    #[serde(crate = "::sas_core::__private::serde")]
    #[non_exhaustive]
    pub struct Prepay {
        /// The unique order ID.
        ///
        /// Wire: `prepayId`.
        #[serde(rename = "prepayId")]
        pub prepay_id: ::std::string::String,
    }
    impl Prepay {
        /// Builds the `Prepay` from its required fields; the others start empty or at their spec default.
        pub fn new(prepay_id: impl ::std::convert::Into<::std::string::String>) -> Self {
            Self {
                prepay_id: prepay_id.into(),
            }
        }
    }
    impl ::std::fmt::Debug for Prepay {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("Prepay").field("prepay_id", &self.prepay_id).finish()
        }
    }
    impl ::sas_core::validate::Validate for Prepay {
        fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
    }
    impl ::sas_core::endpoint::Example for Prepay {
        fn example() -> Self {
            Self {
                prepay_id: ::std::string::String::from("example-prepayId"),
            }
        }
    }
    /// A callback's encrypted `resource`, sealed with AEAD_AES_256_GCM under the merchant's APIv3 key.
    ///
    /// Build it with [`EncryptedResource::new`] and set the optional fields after.
    #[derive(
        ::std::clone::Clone,
        ::std::cmp::PartialEq,
        ::sas_core::__private::serde::Serialize,
        ::sas_core::__private::serde::Deserialize,
    )]
    #[serde(crate = "::sas_core::__private::serde")]
    #[non_exhaustive]
    pub struct EncryptedResource {
        /// The encryption algorithm of the ciphertext; currently always `AEAD_AES_256_GCM`.
        ///
        /// Wire: `algorithm`; one of `AEAD_AES_256_GCM`; starts as `AEAD_AES_256_GCM`.
        pub algorithm: Algorithm,
        /// The Base64 of the ciphertext followed by the 16-byte GCM tag.
        ///
        /// Wire: `ciphertext`.
        pub ciphertext: ::std::string::String,
        /// The associated data authenticated with the ciphertext; may be empty.
        ///
        /// Wire: `associated_data`; optional.
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        pub associated_data: ::std::option::Option<::std::string::String>,
        /// The type of the object before encryption: `transaction` for payments, `refund` for refunds.
        ///
        /// Wire: `original_type`; one of `transaction`, `refund`.
        pub original_type: OriginalType,
        /// The GCM nonce, used as its UTF-8 bytes.
        ///
        /// Wire: `nonce`.
        pub nonce: ::std::string::String,
    }
    impl EncryptedResource {
        /// Builds the `EncryptedResource` from its required fields; the others start empty or at their spec default.
        pub fn new(
            ciphertext: impl ::std::convert::Into<::std::string::String>,
            original_type: OriginalType,
            nonce: impl ::std::convert::Into<::std::string::String>,
        ) -> Self {
            Self {
                algorithm: ::std::default::Default::default(),
                ciphertext: ciphertext.into(),
                associated_data: ::std::option::Option::None,
                original_type,
                nonce: nonce.into(),
            }
        }
    }
    impl ::std::fmt::Debug for EncryptedResource {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("EncryptedResource")
                .field("algorithm", &self.algorithm)
                .field("ciphertext", &self.ciphertext)
                .field("associated_data", &self.associated_data)
                .field("original_type", &self.original_type)
                .field("nonce", &self.nonce)
                .finish()
        }
    }
    impl ::sas_core::validate::Validate for EncryptedResource {
        fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
            validator
                .string(
                    "algorithm",
                    self.algorithm.as_str(),
                    &::sas_core::validate::StrRules {
                        min_len: ::std::option::Option::None,
                        max_len: ::std::option::Option::None,
                        charset: &[],
                        values: &["AEAD_AES_256_GCM"],
                        format: ::std::option::Option::None,
                    },
                );
            validator
                .string(
                    "original_type",
                    self.original_type.as_str(),
                    &::sas_core::validate::StrRules {
                        min_len: ::std::option::Option::None,
                        max_len: ::std::option::Option::None,
                        charset: &[],
                        values: &["transaction", "refund"],
                        format: ::std::option::Option::None,
                    },
                );
        }
    }
    impl ::sas_core::endpoint::Example for EncryptedResource {
        fn example() -> Self {
            Self {
                algorithm: Algorithm::from("AEAD_AES_256_GCM"),
                ciphertext: ::std::string::String::from("example-ciphertext"),
                associated_data: ::std::option::Option::Some(
                    ::std::string::String::from("example-associated_data"),
                ),
                original_type: OriginalType::from("transaction"),
                nonce: ::std::string::String::from("example-nonce"),
            }
        }
    }
    /// The virtual item of a virtual payment callback's payload (3.2 and 4.2).
    ///
    /// Build it from [`GoodsInfoInit`], which names its required fields.
    #[derive(
        ::std::clone::Clone,
        ::std::cmp::PartialEq,
        ::sas_core::__private::serde::Serialize,
        ::sas_core::__private::serde::Deserialize,
    )]
    #[serde(crate = "::sas_core::__private::serde")]
    #[non_exhaustive]
    pub struct GoodsInfo {
        /// The identifier of the item (game item or virtual item).
        ///
        /// Wire: `ProductId`.
        #[serde(rename = "ProductId")]
        pub product_id: ::std::string::String,
        /// The quantity of items purchased.
        ///
        /// Wire: `Quantity`.
        #[serde(rename = "Quantity")]
        #[serde(with = "::sas_core::__private::lenient::int")]
        pub quantity: i64,
        /// The original price of the item, in cents.
        ///
        /// Wire: `OrigPrice`; in cents.
        #[serde(rename = "OrigPrice")]
        #[serde(with = "::sas_core::__private::lenient::int")]
        pub orig_price: i64,
        /// The price actually paid, in cents.
        ///
        /// Wire: `ActualPrice`; in cents.
        #[serde(rename = "ActualPrice")]
        #[serde(with = "::sas_core::__private::lenient::int")]
        pub actual_price: i64,
        /// The pass-through data given when the order was placed.
        ///
        /// Wire: `Attach`.
        #[serde(rename = "Attach")]
        pub attach: ::std::string::String,
        /// The order source, as given when the order was placed: 1 for an in-game order (3.1), 10 for an order placed within a mini program short drama (4.1).
        ///
        /// Wire: `OrderSource`.
        #[serde(rename = "OrderSource")]
        #[serde(with = "::sas_core::__private::lenient::int")]
        pub order_source: i64,
    }
    /// The required fields of a [`GoodsInfo`], by name: `GoodsInfo::from(GoodsInfoInit { … })`.
    ///
    /// The optional fields start empty and the defaulted ones at their default; set them on the `GoodsInfo` afterwards.
    pub struct GoodsInfoInit<'a> {
        /// The identifier of the item (game item or virtual item).
        pub product_id: &'a str,
        /// The quantity of items purchased.
        pub quantity: i64,
        /// The original price of the item, in cents.
        pub orig_price: i64,
        /// The price actually paid, in cents.
        pub actual_price: i64,
        /// The pass-through data given when the order was placed.
        pub attach: &'a str,
        /// The order source, as given when the order was placed: 1 for an in-game order (3.1), 10 for an order placed within a mini program short drama (4.1).
        pub order_source: i64,
    }
    impl ::std::convert::From<GoodsInfoInit<'_>> for GoodsInfo {
        fn from(init: GoodsInfoInit<'_>) -> Self {
            let GoodsInfoInit {
                product_id,
                quantity,
                orig_price,
                actual_price,
                attach,
                order_source,
            } = init;
            Self {
                product_id: product_id.to_owned(),
                quantity,
                orig_price,
                actual_price,
                attach: attach.to_owned(),
                order_source,
            }
        }
    }
    impl ::std::fmt::Debug for GoodsInfo {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("GoodsInfo")
                .field("product_id", &self.product_id)
                .field("quantity", &self.quantity)
                .field("orig_price", &self.orig_price)
                .field("actual_price", &self.actual_price)
                .field("attach", &self.attach)
                .field("order_source", &self.order_source)
                .finish()
        }
    }
    impl ::sas_core::validate::Validate for GoodsInfo {
        fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
    }
    impl ::sas_core::endpoint::Example for GoodsInfo {
        fn example() -> Self {
            Self {
                product_id: ::std::string::String::from("example-ProductId"),
                quantity: 1i64,
                orig_price: 100i64,
                actual_price: 100i64,
                attach: ::std::string::String::from("example-Attach"),
                order_source: 1i64,
            }
        }
    }
    /// The amount of a refund request (5.1.1 and 5.2.1).
    ///
    /// Build it with [`RefundRequestAmount::new`] and set the optional fields after.
    #[derive(
        ::std::clone::Clone,
        ::std::cmp::PartialEq,
        ::sas_core::__private::serde::Serialize,
        ::sas_core::__private::serde::Deserialize,
    )]
    #[serde(crate = "::sas_core::__private::serde")]
    #[non_exhaustive]
    pub struct RefundRequestAmount {
        /// The refund amount, in cents.
        ///
        /// Wire: `refund`; in cents.
        #[serde(with = "::sas_core::__private::lenient::int")]
        pub refund: i64,
        /// The total amount of the original order, in cents.
        ///
        /// Wire: `total`; in cents.
        #[serde(with = "::sas_core::__private::lenient::int")]
        pub total: i64,
        /// The currency, a three-letter ISO 4217 code such as `USD`.
        ///
        /// Wire: `currency`; an ISO 4217 currency code.
        pub currency: ::std::string::String,
    }
    impl RefundRequestAmount {
        /// Builds the `RefundRequestAmount` from its required fields; the others start empty or at their spec default.
        pub fn new(
            refund: i64,
            total: i64,
            currency: impl ::std::convert::Into<::std::string::String>,
        ) -> Self {
            Self {
                refund,
                total,
                currency: currency.into(),
            }
        }
    }
    impl ::std::fmt::Debug for RefundRequestAmount {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("RefundRequestAmount")
                .field("refund", &self.refund)
                .field("total", &self.total)
                .field("currency", &self.currency)
                .finish()
        }
    }
    impl ::sas_core::validate::Validate for RefundRequestAmount {
        fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
            validator
                .string(
                    "currency",
                    self.currency.as_str(),
                    &::sas_core::validate::StrRules {
                        min_len: ::std::option::Option::None,
                        max_len: ::std::option::Option::None,
                        charset: &[],
                        values: &[],
                        format: ::std::option::Option::Some(
                            ::sas_core::validate::Format::Currency,
                        ),
                    },
                );
        }
    }
    impl ::sas_core::endpoint::Example for RefundRequestAmount {
        fn example() -> Self {
            Self {
                refund: 100i64,
                total: 100i64,
                currency: ::std::string::String::from("USD"),
            }
        }
    }
    /// A refund as the superapp reports it: the response `data` of 5.1.1, 5.1.2 and 5.2.1.
    ///
    /// Build it from [`RefundInit`], which names its required fields.
    #[derive(
        ::std::clone::Clone,
        ::std::cmp::PartialEq,
        ::sas_core::__private::serde::Serialize,
        ::sas_core::__private::serde::Deserialize,
    )]
    #[serde(crate = "::sas_core::__private::serde")]
    #[non_exhaustive]
    pub struct Refund {
        /// The platform refund ID.
        ///
        /// Wire: `refund_id`.
        pub refund_id: ::std::string::String,
        /// The merchant refund number.
        ///
        /// Wire: `out_refund_no`.
        pub out_refund_no: ::std::string::String,
        /// The platform payment order ID.
        ///
        /// Wire: `transaction_id`.
        pub transaction_id: ::std::string::String,
        /// The merchant order number.
        ///
        /// Wire: `out_trade_no`.
        pub out_trade_no: ::std::string::String,
        /// The refund channel (a refund request names `ORIGINAL` or `BALANCE`).
        ///
        /// Wire: `channel`.
        pub channel: ::std::string::String,
        /// The account that receives the refunded funds.
        ///
        /// Wire: `user_received_account`.
        pub user_received_account: ::std::string::String,
        /// The time the refund succeeded.
        ///
        /// Wire: `success_time`; optional.
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        pub success_time: ::std::option::Option<::std::string::String>,
        /// The time the refund was created.
        ///
        /// Wire: `create_time`.
        pub create_time: ::std::string::String,
        /// The refund status: `PROCESSING`, `SUCCESS`, `CLOSED` or `ABNORMAL`.
        ///
        /// Wire: `status`; one of `PROCESSING`, `SUCCESS`, `CLOSED`, `ABNORMAL`.
        pub status: Status,
        /// The refund amounts.
        ///
        /// Wire: `amount`.
        pub amount: RefundAmount,
    }
    /// The required fields of a [`Refund`], by name: `Refund::from(RefundInit { … })`.
    ///
    /// The optional fields start empty and the defaulted ones at their default; set them on the `Refund` afterwards.
    pub struct RefundInit<'a> {
        /// The platform refund ID.
        pub refund_id: &'a str,
        /// The merchant refund number.
        pub out_refund_no: &'a str,
        /// The platform payment order ID.
        pub transaction_id: &'a str,
        /// The merchant order number.
        pub out_trade_no: &'a str,
        /// The refund channel (a refund request names `ORIGINAL` or `BALANCE`).
        pub channel: &'a str,
        /// The account that receives the refunded funds.
        pub user_received_account: &'a str,
        /// The time the refund was created.
        pub create_time: &'a str,
        /// The refund status: `PROCESSING`, `SUCCESS`, `CLOSED` or `ABNORMAL`.
        pub status: Status,
        /// The refund amounts.
        pub amount: RefundAmount,
    }
    impl ::std::convert::From<RefundInit<'_>> for Refund {
        fn from(init: RefundInit<'_>) -> Self {
            let RefundInit {
                refund_id,
                out_refund_no,
                transaction_id,
                out_trade_no,
                channel,
                user_received_account,
                create_time,
                status,
                amount,
            } = init;
            Self {
                refund_id: refund_id.to_owned(),
                out_refund_no: out_refund_no.to_owned(),
                transaction_id: transaction_id.to_owned(),
                out_trade_no: out_trade_no.to_owned(),
                channel: channel.to_owned(),
                user_received_account: user_received_account.to_owned(),
                success_time: ::std::option::Option::None,
                create_time: create_time.to_owned(),
                status,
                amount,
            }
        }
    }
    impl ::std::fmt::Debug for Refund {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("Refund")
                .field("refund_id", &self.refund_id)
                .field("out_refund_no", &self.out_refund_no)
                .field("transaction_id", &self.transaction_id)
                .field("out_trade_no", &self.out_trade_no)
                .field("channel", &self.channel)
                .field("user_received_account", &self.user_received_account)
                .field("success_time", &self.success_time)
                .field("create_time", &self.create_time)
                .field("status", &self.status)
                .field("amount", &self.amount)
                .finish()
        }
    }
    impl ::sas_core::validate::Validate for Refund {
        fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
            validator
                .string(
                    "status",
                    self.status.as_str(),
                    &::sas_core::validate::StrRules {
                        min_len: ::std::option::Option::None,
                        max_len: ::std::option::Option::None,
                        charset: &[],
                        values: &["PROCESSING", "SUCCESS", "CLOSED", "ABNORMAL"],
                        format: ::std::option::Option::None,
                    },
                );
            validator.nested("amount", &self.amount);
        }
    }
    impl ::sas_core::endpoint::Example for Refund {
        fn example() -> Self {
            Self {
                refund_id: ::std::string::String::from("example-refund_id"),
                out_refund_no: ::std::string::String::from("example-out_refund_no"),
                transaction_id: ::std::string::String::from("example-transaction_id"),
                out_trade_no: ::std::string::String::from("example-out_trade_no"),
                channel: ::std::string::String::from("example-channel"),
                user_received_account: ::std::string::String::from(
                    "example-user_received_account",
                ),
                success_time: ::std::option::Option::Some(
                    ::std::string::String::from("example-success_time"),
                ),
                create_time: ::std::string::String::from("example-create_time"),
                status: Status::from("PROCESSING"),
                amount: <RefundAmount as ::sas_core::endpoint::Example>::example(),
            }
        }
    }
    /// The amounts of a refund as the superapp reports it, all integers in cents except the currency.
    ///
    /// Build it from [`RefundAmountInit`], which names its required fields.
    #[derive(
        ::std::clone::Clone,
        ::std::cmp::PartialEq,
        ::sas_core::__private::serde::Serialize,
        ::sas_core::__private::serde::Deserialize,
    )]
    #[serde(crate = "::sas_core::__private::serde")]
    #[non_exhaustive]
    pub struct RefundAmount {
        /// The total amount of the original order, in cents.
        ///
        /// Wire: `total`; in cents.
        #[serde(with = "::sas_core::__private::lenient::int")]
        pub total: i64,
        /// The refund amount, in cents.
        ///
        /// Wire: `refund`; in cents.
        #[serde(with = "::sas_core::__private::lenient::int")]
        pub refund: i64,
        /// The amount the user paid, in cents.
        ///
        /// Wire: `payer_total`; in cents.
        #[serde(with = "::sas_core::__private::lenient::int")]
        pub payer_total: i64,
        /// The amount refunded to the user, in cents.
        ///
        /// Wire: `payer_refund`; in cents.
        #[serde(with = "::sas_core::__private::lenient::int")]
        pub payer_refund: i64,
        /// The currency.
        ///
        /// Wire: `currency`.
        pub currency: ::std::string::String,
        /// The refund fee, in cents.
        ///
        /// Wire: `refund_fee`; in cents.
        #[serde(with = "::sas_core::__private::lenient::int")]
        pub refund_fee: i64,
    }
    /// The required fields of a [`RefundAmount`], by name: `RefundAmount::from(RefundAmountInit { … })`.
    ///
    /// The optional fields start empty and the defaulted ones at their default; set them on the `RefundAmount` afterwards.
    pub struct RefundAmountInit<'a> {
        /// The total amount of the original order, in cents.
        pub total: i64,
        /// The refund amount, in cents.
        pub refund: i64,
        /// The amount the user paid, in cents.
        pub payer_total: i64,
        /// The amount refunded to the user, in cents.
        pub payer_refund: i64,
        /// The currency.
        pub currency: &'a str,
        /// The refund fee, in cents.
        pub refund_fee: i64,
    }
    impl ::std::convert::From<RefundAmountInit<'_>> for RefundAmount {
        fn from(init: RefundAmountInit<'_>) -> Self {
            let RefundAmountInit {
                total,
                refund,
                payer_total,
                payer_refund,
                currency,
                refund_fee,
            } = init;
            Self {
                total,
                refund,
                payer_total,
                payer_refund,
                currency: currency.to_owned(),
                refund_fee,
            }
        }
    }
    impl ::std::fmt::Debug for RefundAmount {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("RefundAmount")
                .field("total", &self.total)
                .field("refund", &self.refund)
                .field("payer_total", &self.payer_total)
                .field("payer_refund", &self.payer_refund)
                .field("currency", &self.currency)
                .field("refund_fee", &self.refund_fee)
                .finish()
        }
    }
    impl ::sas_core::validate::Validate for RefundAmount {
        fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
    }
    impl ::sas_core::endpoint::Example for RefundAmount {
        fn example() -> Self {
            Self {
                total: 100i64,
                refund: 100i64,
                payer_total: 100i64,
                payer_refund: 100i64,
                currency: ::std::string::String::from("example-currency"),
                refund_fee: 100i64,
            }
        }
    }
    /// The result of a refund, as a refund callback carries it: the decrypted `resource` of 5.1.3 and the `payload` of 5.2.2.
    ///
    /// Build it from [`RefundResultInit`], which names its required fields.
    #[derive(
        ::std::clone::Clone,
        ::std::cmp::PartialEq,
        ::sas_core::__private::serde::Serialize,
        ::sas_core::__private::serde::Deserialize,
    )]
    #[serde(crate = "::sas_core::__private::serde")]
    #[non_exhaustive]
    pub struct RefundResult {
        /// The merchant ID.
        ///
        /// Wire: `mch_id`.
        pub mch_id: ::std::string::String,
        /// The platform payment order ID.
        ///
        /// Wire: `transaction_id`.
        pub transaction_id: ::std::string::String,
        /// The merchant order number.
        ///
        /// Wire: `out_trade_no`.
        pub out_trade_no: ::std::string::String,
        /// The platform refund ID.
        ///
        /// Wire: `refund_id`.
        pub refund_id: ::std::string::String,
        /// The merchant refund number.
        ///
        /// Wire: `out_refund_no`.
        pub out_refund_no: ::std::string::String,
        /// The refund status: `SUCCESS`, `CLOSED` or `ABNORMAL`.
        ///
        /// Wire: `refund_status`; one of `SUCCESS`, `CLOSED`, `ABNORMAL`.
        pub refund_status: RefundStatus,
        /// The time the refund succeeded; present only when the status is `SUCCESS`.
        ///
        /// Wire: `success_time`; optional.
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        pub success_time: ::std::option::Option<::std::string::String>,
        /// The account that receives the refunded funds.
        ///
        /// Wire: `user_received_account`.
        pub user_received_account: ::std::string::String,
        /// The refund amounts.
        ///
        /// Wire: `amount`.
        pub amount: RefundResultAmount,
    }
    /// The required fields of a [`RefundResult`], by name: `RefundResult::from(RefundResultInit { … })`.
    ///
    /// The optional fields start empty and the defaulted ones at their default; set them on the `RefundResult` afterwards.
    pub struct RefundResultInit<'a> {
        /// The merchant ID.
        pub mch_id: &'a str,
        /// The platform payment order ID.
        pub transaction_id: &'a str,
        /// The merchant order number.
        pub out_trade_no: &'a str,
        /// The platform refund ID.
        pub refund_id: &'a str,
        /// The merchant refund number.
        pub out_refund_no: &'a str,
        /// The refund status: `SUCCESS`, `CLOSED` or `ABNORMAL`.
        pub refund_status: RefundStatus,
        /// The account that receives the refunded funds.
        pub user_received_account: &'a str,
        /// The refund amounts.
        pub amount: RefundResultAmount,
    }
    impl ::std::convert::From<RefundResultInit<'_>> for RefundResult {
        fn from(init: RefundResultInit<'_>) -> Self {
            let RefundResultInit {
                mch_id,
                transaction_id,
                out_trade_no,
                refund_id,
                out_refund_no,
                refund_status,
                user_received_account,
                amount,
            } = init;
            Self {
                mch_id: mch_id.to_owned(),
                transaction_id: transaction_id.to_owned(),
                out_trade_no: out_trade_no.to_owned(),
                refund_id: refund_id.to_owned(),
                out_refund_no: out_refund_no.to_owned(),
                refund_status,
                success_time: ::std::option::Option::None,
                user_received_account: user_received_account.to_owned(),
                amount,
            }
        }
    }
    impl ::std::fmt::Debug for RefundResult {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("RefundResult")
                .field("mch_id", &self.mch_id)
                .field("transaction_id", &self.transaction_id)
                .field("out_trade_no", &self.out_trade_no)
                .field("refund_id", &self.refund_id)
                .field("out_refund_no", &self.out_refund_no)
                .field("refund_status", &self.refund_status)
                .field("success_time", &self.success_time)
                .field("user_received_account", &self.user_received_account)
                .field("amount", &self.amount)
                .finish()
        }
    }
    impl ::sas_core::validate::Validate for RefundResult {
        fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
            validator
                .string(
                    "refund_status",
                    self.refund_status.as_str(),
                    &::sas_core::validate::StrRules {
                        min_len: ::std::option::Option::None,
                        max_len: ::std::option::Option::None,
                        charset: &[],
                        values: &["SUCCESS", "CLOSED", "ABNORMAL"],
                        format: ::std::option::Option::None,
                    },
                );
            validator.nested("amount", &self.amount);
        }
    }
    impl ::sas_core::endpoint::Example for RefundResult {
        fn example() -> Self {
            Self {
                mch_id: ::std::string::String::from("example-mch_id"),
                transaction_id: ::std::string::String::from("example-transaction_id"),
                out_trade_no: ::std::string::String::from("example-out_trade_no"),
                refund_id: ::std::string::String::from("example-refund_id"),
                out_refund_no: ::std::string::String::from("example-out_refund_no"),
                refund_status: RefundStatus::from("SUCCESS"),
                success_time: ::std::option::Option::Some(
                    ::std::string::String::from("example-success_time"),
                ),
                user_received_account: ::std::string::String::from(
                    "example-user_received_account",
                ),
                amount: <RefundResultAmount as ::sas_core::endpoint::Example>::example(),
            }
        }
    }
    /// The amounts of a refund callback; the vendor types the amounts as strings of cents.
    ///
    /// Build it from [`RefundResultAmountInit`], which names its required fields.
    #[derive(
        ::std::clone::Clone,
        ::std::cmp::PartialEq,
        ::sas_core::__private::serde::Serialize,
        ::sas_core::__private::serde::Deserialize,
    )]
    #[serde(crate = "::sas_core::__private::serde")]
    #[non_exhaustive]
    pub struct RefundResultAmount {
        /// The total amount of the original order, in cents.
        ///
        /// Wire: `total`; a decimal integer sent as a string; in cents.
        #[serde(with = "::sas_core::__private::lenient::int_string")]
        pub total: i64,
        /// The refund amount, in cents.
        ///
        /// Wire: `refund`; a decimal integer sent as a string; in cents.
        #[serde(with = "::sas_core::__private::lenient::int_string")]
        pub refund: i64,
        /// The amount the user paid, in cents.
        ///
        /// Wire: `payer_total`; a decimal integer sent as a string; in cents.
        #[serde(with = "::sas_core::__private::lenient::int_string")]
        pub payer_total: i64,
        /// The amount refunded to the user, in cents.
        ///
        /// Wire: `payer_refund`; a decimal integer sent as a string; in cents.
        #[serde(with = "::sas_core::__private::lenient::int_string")]
        pub payer_refund: i64,
        /// The currency.
        ///
        /// Wire: `currency`.
        pub currency: ::std::string::String,
    }
    /// The required fields of a [`RefundResultAmount`], by name: `RefundResultAmount::from(RefundResultAmountInit { … })`.
    ///
    /// The optional fields start empty and the defaulted ones at their default; set them on the `RefundResultAmount` afterwards.
    pub struct RefundResultAmountInit<'a> {
        /// The total amount of the original order, in cents.
        pub total: i64,
        /// The refund amount, in cents.
        pub refund: i64,
        /// The amount the user paid, in cents.
        pub payer_total: i64,
        /// The amount refunded to the user, in cents.
        pub payer_refund: i64,
        /// The currency.
        pub currency: &'a str,
    }
    impl ::std::convert::From<RefundResultAmountInit<'_>> for RefundResultAmount {
        fn from(init: RefundResultAmountInit<'_>) -> Self {
            let RefundResultAmountInit {
                total,
                refund,
                payer_total,
                payer_refund,
                currency,
            } = init;
            Self {
                total,
                refund,
                payer_total,
                payer_refund,
                currency: currency.to_owned(),
            }
        }
    }
    impl ::std::fmt::Debug for RefundResultAmount {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("RefundResultAmount")
                .field("total", &self.total)
                .field("refund", &self.refund)
                .field("payer_total", &self.payer_total)
                .field("payer_refund", &self.payer_refund)
                .field("currency", &self.currency)
                .finish()
        }
    }
    impl ::sas_core::validate::Validate for RefundResultAmount {
        fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
    }
    impl ::sas_core::endpoint::Example for RefundResultAmount {
        fn example() -> Self {
            Self {
                total: 100i64,
                refund: 100i64,
                payer_total: 100i64,
                payer_refund: 100i64,
                currency: ::std::string::String::from("example-currency"),
            }
        }
    }
    /// The values of `algorithm`: `AEAD_AES_256_GCM`.
    ///
    /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`Algorithm::as_str`] gives it back and [`Algorithm::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
    #[derive(
        ::std::clone::Clone,
        ::std::fmt::Debug,
        ::std::default::Default,
        ::std::cmp::PartialEq,
        ::std::cmp::Eq,
        ::std::hash::Hash,
    )]
    #[non_exhaustive]
    pub enum Algorithm {
        /// `AEAD_AES_256_GCM`.
        #[default]
        AeadAes256Gcm,
        /// A value the spec does not list, as received.
        #[doc(hidden)]
        _Custom(::sas_core::types::UnknownValue),
    }
    impl Algorithm {
        /// The value as it travels on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::AeadAes256Gcm => "AEAD_AES_256_GCM",
                Self::_Custom(value) => value.as_str(),
            }
        }
        /// Whether the spec lists this value.
        pub fn is_known(&self) -> bool {
            !::std::matches!(self, Self::_Custom(_))
        }
    }
    impl ::std::convert::From<&str> for Algorithm {
        fn from(value: &str) -> Self {
            match value {
                "AEAD_AES_256_GCM" => Self::AeadAes256Gcm,
                _ => Self::_Custom(::sas_core::__private::unknown(value)),
            }
        }
    }
    impl ::std::convert::From<::std::string::String> for Algorithm {
        fn from(value: ::std::string::String) -> Self {
            Self::from(value.as_str())
        }
    }
    impl ::std::fmt::Display for Algorithm {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::sas_core::__private::serde::Serialize for Algorithm {
        fn serialize<S: ::sas_core::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::sas_core::__private::serde::Deserialize<'de> for Algorithm {
        fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            ::sas_core::__private::lenient::text(deserializer).map(Self::from)
        }
    }
    /// The values of `original_type`: `transaction`, `refund`.
    ///
    /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`OriginalType::as_str`] gives it back and [`OriginalType::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
    #[derive(
        ::std::clone::Clone,
        ::std::fmt::Debug,
        ::std::cmp::PartialEq,
        ::std::cmp::Eq,
        ::std::hash::Hash,
    )]
    #[non_exhaustive]
    pub enum OriginalType {
        /// `transaction`.
        Transaction,
        /// `refund`.
        Refund,
        /// A value the spec does not list, as received.
        #[doc(hidden)]
        _Custom(::sas_core::types::UnknownValue),
    }
    impl OriginalType {
        /// The value as it travels on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Transaction => "transaction",
                Self::Refund => "refund",
                Self::_Custom(value) => value.as_str(),
            }
        }
        /// Whether the spec lists this value.
        pub fn is_known(&self) -> bool {
            !::std::matches!(self, Self::_Custom(_))
        }
    }
    impl ::std::convert::From<&str> for OriginalType {
        fn from(value: &str) -> Self {
            match value {
                "transaction" => Self::Transaction,
                "refund" => Self::Refund,
                _ => Self::_Custom(::sas_core::__private::unknown(value)),
            }
        }
    }
    impl ::std::convert::From<::std::string::String> for OriginalType {
        fn from(value: ::std::string::String) -> Self {
            Self::from(value.as_str())
        }
    }
    impl ::std::fmt::Display for OriginalType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::sas_core::__private::serde::Serialize for OriginalType {
        fn serialize<S: ::sas_core::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::sas_core::__private::serde::Deserialize<'de> for OriginalType {
        fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            ::sas_core::__private::lenient::text(deserializer).map(Self::from)
        }
    }
    /// The values of `status`: `PROCESSING`, `SUCCESS`, `CLOSED`, `ABNORMAL`.
    ///
    /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`Status::as_str`] gives it back and [`Status::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
    #[derive(
        ::std::clone::Clone,
        ::std::fmt::Debug,
        ::std::cmp::PartialEq,
        ::std::cmp::Eq,
        ::std::hash::Hash,
    )]
    #[non_exhaustive]
    pub enum Status {
        /// `PROCESSING`.
        Processing,
        /// `SUCCESS`.
        Success,
        /// `CLOSED`.
        Closed,
        /// `ABNORMAL`.
        Abnormal,
        /// A value the spec does not list, as received.
        #[doc(hidden)]
        _Custom(::sas_core::types::UnknownValue),
    }
    impl Status {
        /// The value as it travels on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Processing => "PROCESSING",
                Self::Success => "SUCCESS",
                Self::Closed => "CLOSED",
                Self::Abnormal => "ABNORMAL",
                Self::_Custom(value) => value.as_str(),
            }
        }
        /// Whether the spec lists this value.
        pub fn is_known(&self) -> bool {
            !::std::matches!(self, Self::_Custom(_))
        }
    }
    impl ::std::convert::From<&str> for Status {
        fn from(value: &str) -> Self {
            match value {
                "PROCESSING" => Self::Processing,
                "SUCCESS" => Self::Success,
                "CLOSED" => Self::Closed,
                "ABNORMAL" => Self::Abnormal,
                _ => Self::_Custom(::sas_core::__private::unknown(value)),
            }
        }
    }
    impl ::std::convert::From<::std::string::String> for Status {
        fn from(value: ::std::string::String) -> Self {
            Self::from(value.as_str())
        }
    }
    impl ::std::fmt::Display for Status {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::sas_core::__private::serde::Serialize for Status {
        fn serialize<S: ::sas_core::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::sas_core::__private::serde::Deserialize<'de> for Status {
        fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            ::sas_core::__private::lenient::text(deserializer).map(Self::from)
        }
    }
    /// The values of `refund_status`: `SUCCESS`, `CLOSED`, `ABNORMAL`.
    ///
    /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`RefundStatus::as_str`] gives it back and [`RefundStatus::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
    #[derive(
        ::std::clone::Clone,
        ::std::fmt::Debug,
        ::std::cmp::PartialEq,
        ::std::cmp::Eq,
        ::std::hash::Hash,
    )]
    #[non_exhaustive]
    pub enum RefundStatus {
        /// `SUCCESS`.
        Success,
        /// `CLOSED`.
        Closed,
        /// `ABNORMAL`.
        Abnormal,
        /// A value the spec does not list, as received.
        #[doc(hidden)]
        _Custom(::sas_core::types::UnknownValue),
    }
    impl RefundStatus {
        /// The value as it travels on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Success => "SUCCESS",
                Self::Closed => "CLOSED",
                Self::Abnormal => "ABNORMAL",
                Self::_Custom(value) => value.as_str(),
            }
        }
        /// Whether the spec lists this value.
        pub fn is_known(&self) -> bool {
            !::std::matches!(self, Self::_Custom(_))
        }
    }
    impl ::std::convert::From<&str> for RefundStatus {
        fn from(value: &str) -> Self {
            match value {
                "SUCCESS" => Self::Success,
                "CLOSED" => Self::Closed,
                "ABNORMAL" => Self::Abnormal,
                _ => Self::_Custom(::sas_core::__private::unknown(value)),
            }
        }
    }
    impl ::std::convert::From<::std::string::String> for RefundStatus {
        fn from(value: ::std::string::String) -> Self {
            Self::from(value.as_str())
        }
    }
    impl ::std::fmt::Display for RefundStatus {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::sas_core::__private::serde::Serialize for RefundStatus {
        fn serialize<S: ::sas_core::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::sas_core::__private::serde::Deserialize<'de> for RefundStatus {
        fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            ::sas_core::__private::lenient::text(deserializer).map(Self::from)
        }
    }
}
/// Mini program login and user information (API List 1.1–1.6): SAS asks the superapp backend about its users.
pub mod user {
    /// `POST /user/checkUser`: Checks whether a user exists, given the superapp's user ID.
    ///
    /// [API List 1.1, "Check whether the user exists"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by SAS; authenticated by `tc_signature`.
    ///
    /// SAS authenticates itself to the superapp backend: `TC-Timestamp` (Unix milliseconds) and `TC-Signature`, the lowercase hex of AES-ECB-PKCS#7 of the timestamp under the SecretKey.
    pub mod check_user {
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "1.1",
            title: "Check whether the user exists",
            summary: "Checks whether a user exists, given the superapp's user ID.",
            group: "user",
            module: "check_user",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::Some("/user/checkUser"),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Sas,
            auth: ::sas_core::endpoint::AuthKind::TcSignature,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::None,
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-OpenId",
                    rust_name: "open_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: true,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-MiniAppID",
                    rust_name: "mini_app_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: true,
                },
            ],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "userId",
                    rust_name: "user_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it with [`Request::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The user's unique OpenID within the mini program; it travels as lowercase hex of AES-ECB-PKCS#7 under the SecretKey.
            ///
            /// Wire: header `TC-OpenId`.
            ///
            /// Example: `oUpF8uMuAJO_M2pxb1Q9zNjWeS6o`.
            #[serde(skip)]
            pub open_id: ::std::string::String,
            /// The unique MiniAppID under the app; it travels as lowercase hex of AES-ECB-PKCS#7 under the SecretKey.
            ///
            /// Wire: header `TC-MiniAppID`.
            ///
            /// Example: `mpvc3tdaldpq7zpu`.
            #[serde(skip)]
            pub mini_app_id: ::std::string::String,
            /// The anonymized user ID, generated by the superapp through the SDK; used temporarily when the mini program needs the user's openid.
            ///
            /// Wire: body field `userId`.
            #[serde(rename = "userId")]
            pub user_id: ::std::string::String,
        }
        impl Request {
            /// Builds the `Request` from its required fields; the others start empty or at their spec default.
            pub fn new(
                open_id: impl ::std::convert::Into<::std::string::String>,
                mini_app_id: impl ::std::convert::Into<::std::string::String>,
                user_id: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self {
                    open_id: open_id.into(),
                    mini_app_id: mini_app_id.into(),
                    user_id: user_id.into(),
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("open_id", &self.open_id)
                    .field("mini_app_id", &self.mini_app_id)
                    .field("user_id", &self.user_id)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    open_id: ::std::string::String::from("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"),
                    mini_app_id: ::std::string::String::from("mpvc3tdaldpq7zpu"),
                    user_id: ::std::string::String::from("example-userId"),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "userId" => ::std::option::Option::Some(self.user_id.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::TcSignature;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([
                    ("TC-OpenId", self.open_id.as_str()),
                    ("TC-MiniAppID", self.mini_app_id.as_str()),
                ])
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.open_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-OpenId",
                    &[],
                )?;
                self.mini_app_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-MiniAppID",
                    &[],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// Whether the user exists.
            pub data: bool,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: bool) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self { data: true }
            }
        }
    }
    /// `POST /user/getUserInfoTemporaryCode`: Gets a temporary credential code for the user's email or mobile number, with the masked value.
    ///
    /// [API List 1.2, "Get user temporary information code"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by SAS; authenticated by `tc_signature`.
    ///
    /// SAS authenticates itself to the superapp backend: `TC-Timestamp` (Unix milliseconds) and `TC-Signature`, the lowercase hex of AES-ECB-PKCS#7 of the timestamp under the SecretKey.
    pub mod get_user_info_temporary_code {
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "1.2",
            title: "Get user temporary information code",
            summary: "Gets a temporary credential code for the user's email or mobile number, with the masked value.",
            group: "user",
            module: "get_user_info_temporary_code",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::Some("/user/getUserInfoTemporaryCode"),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Sas,
            auth: ::sas_core::endpoint::AuthKind::TcSignature,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::None,
            headers: &[],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "type",
                    rust_name: "info_type",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "userId",
                    rust_name: "user_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it with [`Request::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The type of information: `email` or `phone`.
            ///
            /// Wire: body field `type`; one of `email`, `phone`.
            #[serde(rename = "type")]
            pub info_type: InfoType,
            /// The anonymized user ID, generated by the superapp through the SDK; used temporarily when the mini program needs the user's openid.
            ///
            /// Wire: body field `userId`.
            #[serde(rename = "userId")]
            pub user_id: ::std::string::String,
        }
        impl Request {
            /// Builds the `Request` from its required fields; the others start empty or at their spec default.
            pub fn new(
                info_type: InfoType,
                user_id: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self {
                    info_type,
                    user_id: user_id.into(),
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("info_type", &self.info_type)
                    .field("user_id", &self.user_id)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "type",
                        self.info_type.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &["email", "phone"],
                            format: ::std::option::Option::None,
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    info_type: InfoType::from("email"),
                    user_id: ::std::string::String::from("example-userId"),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "type" => ::std::option::Option::Some(self.info_type.as_str()),
                    "userId" => ::std::option::Option::Some(self.user_id.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::TcSignature;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                _parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// The masked value and its temporary credential code.
            pub data: UserInfoTemporaryCode,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: UserInfoTemporaryCode) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator.nested("data", &self.data);
            }
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: <UserInfoTemporaryCode as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
        /// A masked email or mobile number and the temporary credential code that unlocks it.
        ///
        /// Build it with [`UserInfoTemporaryCode::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct UserInfoTemporaryCode {
            /// The masked mobile number or email, according to the requested type, for example `158****2850` or `mu****ng@tencent.com`.
            ///
            /// Wire: `data`.
            ///
            /// Example: `158****2850`.
            pub data: ::std::string::String,
            /// The temporary credential code for the mobile number or email; 1.3 and 1.4 exchange it for the value.
            ///
            /// Wire: `code`.
            pub code: ::std::string::String,
        }
        impl UserInfoTemporaryCode {
            /// Builds the `UserInfoTemporaryCode` from its required fields; the others start empty or at their spec default.
            pub fn new(
                data: impl ::std::convert::Into<::std::string::String>,
                code: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self {
                    data: data.into(),
                    code: code.into(),
                }
            }
        }
        impl ::std::fmt::Debug for UserInfoTemporaryCode {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("UserInfoTemporaryCode")
                    .field("data", &self.data)
                    .field("code", &::sas_core::__private::Redacted)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for UserInfoTemporaryCode {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for UserInfoTemporaryCode {
            fn example() -> Self {
                Self {
                    data: ::std::string::String::from("158****2850"),
                    code: ::std::string::String::from("example-code"),
                }
            }
        }
        /// The values of `type`: `email`, `phone`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`InfoType::as_str`] gives it back and [`InfoType::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum InfoType {
            /// `email`.
            Email,
            /// `phone`.
            Phone,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl InfoType {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Email => "email",
                    Self::Phone => "phone",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for InfoType {
            fn from(value: &str) -> Self {
                match value {
                    "email" => Self::Email,
                    "phone" => Self::Phone,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for InfoType {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for InfoType {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for InfoType {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for InfoType {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
    }
    /// `POST /user/getUserEmail`: Gets the user's email, encrypted, in exchange for a temporary credential code.
    ///
    /// [API List 1.3, "Get user email"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by SAS; authenticated by `tc_signature`.
    ///
    /// SAS authenticates itself to the superapp backend: `TC-Timestamp` (Unix milliseconds) and `TC-Signature`, the lowercase hex of AES-ECB-PKCS#7 of the timestamp under the SecretKey.
    pub mod get_user_email {
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "1.3",
            title: "Get user email",
            summary: "Gets the user's email, encrypted, in exchange for a temporary credential code.",
            group: "user",
            module: "get_user_email",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::Some("/user/getUserEmail"),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Sas,
            auth: ::sas_core::endpoint::AuthKind::TcSignature,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::None,
            headers: &[],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "temporaryCode",
                    rust_name: "temporary_code",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: true,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "userId",
                    rust_name: "user_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it with [`Request::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The temporary credential code returned by 1.2.
            ///
            /// Wire: body field `temporaryCode`.
            #[serde(rename = "temporaryCode")]
            pub temporary_code: ::std::string::String,
            /// The anonymized user ID, generated by the superapp through the SDK; used temporarily when the mini program needs the user's openid.
            ///
            /// Wire: body field `userId`.
            #[serde(rename = "userId")]
            pub user_id: ::std::string::String,
        }
        impl Request {
            /// Builds the `Request` from its required fields; the others start empty or at their spec default.
            pub fn new(
                temporary_code: impl ::std::convert::Into<::std::string::String>,
                user_id: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self {
                    temporary_code: temporary_code.into(),
                    user_id: user_id.into(),
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("temporary_code", &::sas_core::__private::Redacted)
                    .field("user_id", &self.user_id)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    temporary_code: ::std::string::String::from("example-temporaryCode"),
                    user_id: ::std::string::String::from("example-userId"),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "temporaryCode" => {
                        ::std::option::Option::Some(self.temporary_code.as_str())
                    }
                    "userId" => ::std::option::Option::Some(self.user_id.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::TcSignature;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                _parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// The user's email, encrypted with AES-CBC under the SecretKey of Configuration Management (the IV is the key's first 16 bytes), as Base64.
            pub data: ::std::string::String,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: ::std::string::String) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response")
                    .field("data", &::sas_core::__private::Redacted)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: ::std::string::String::from("example"),
                }
            }
        }
    }
    /// `POST /user/getUserPhoneNumber`: Gets the user's mobile number, encrypted, in exchange for a temporary credential code.
    ///
    /// [API List 1.4, "Get user’s mobile number"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by SAS; authenticated by `tc_signature`.
    ///
    /// SAS authenticates itself to the superapp backend: `TC-Timestamp` (Unix milliseconds) and `TC-Signature`, the lowercase hex of AES-ECB-PKCS#7 of the timestamp under the SecretKey.
    pub mod get_user_phone_number {
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "1.4",
            title: "Get user’s mobile number",
            summary: "Gets the user's mobile number, encrypted, in exchange for a temporary credential code.",
            group: "user",
            module: "get_user_phone_number",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::Some("/user/getUserPhoneNumber"),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Sas,
            auth: ::sas_core::endpoint::AuthKind::TcSignature,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::None,
            headers: &[],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "temporaryCode",
                    rust_name: "temporary_code",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: true,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "userId",
                    rust_name: "user_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it with [`Request::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The temporary credential code returned by 1.2.
            ///
            /// Wire: body field `temporaryCode`.
            #[serde(rename = "temporaryCode")]
            pub temporary_code: ::std::string::String,
            /// The anonymized user ID, generated by the superapp through the SDK; used temporarily when the mini program needs the user's openid.
            ///
            /// Wire: body field `userId`.
            #[serde(rename = "userId")]
            pub user_id: ::std::string::String,
        }
        impl Request {
            /// Builds the `Request` from its required fields; the others start empty or at their spec default.
            pub fn new(
                temporary_code: impl ::std::convert::Into<::std::string::String>,
                user_id: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self {
                    temporary_code: temporary_code.into(),
                    user_id: user_id.into(),
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("temporary_code", &::sas_core::__private::Redacted)
                    .field("user_id", &self.user_id)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    temporary_code: ::std::string::String::from("example-temporaryCode"),
                    user_id: ::std::string::String::from("example-userId"),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "temporaryCode" => {
                        ::std::option::Option::Some(self.temporary_code.as_str())
                    }
                    "userId" => ::std::option::Option::Some(self.user_id.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::TcSignature;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                _parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// The user's mobile number, encrypted with AES-CBC under the SecretKey of Configuration Management (the IV is the key's first 16 bytes), as Base64.
            pub data: ::std::string::String,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: ::std::string::String) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response")
                    .field("data", &::sas_core::__private::Redacted)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: ::std::string::String::from("example"),
                }
            }
        }
    }
    /// `POST /user/getUserNick`: Gets the user's nickname.
    ///
    /// [API List 1.5, "Get user’s nickname"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by SAS; authenticated by `tc_signature`.
    ///
    /// SAS authenticates itself to the superapp backend: `TC-Timestamp` (Unix milliseconds) and `TC-Signature`, the lowercase hex of AES-ECB-PKCS#7 of the timestamp under the SecretKey.
    pub mod get_user_nick {
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "1.5",
            title: "Get user’s nickname",
            summary: "Gets the user's nickname.",
            group: "user",
            module: "get_user_nick",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::Some("/user/getUserNick"),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Sas,
            auth: ::sas_core::endpoint::AuthKind::TcSignature,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::None,
            headers: &[],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "userId",
                    rust_name: "user_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it with [`Request::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The anonymized user ID, generated by the superapp through the SDK; used temporarily when the mini program needs the user's openid.
            ///
            /// Wire: body field `userId`.
            #[serde(rename = "userId")]
            pub user_id: ::std::string::String,
        }
        impl Request {
            /// Builds the `Request` from its required fields; the others start empty or at their spec default.
            pub fn new(
                user_id: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self { user_id: user_id.into() }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request").field("user_id", &self.user_id).finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    user_id: ::std::string::String::from("example-userId"),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "userId" => ::std::option::Option::Some(self.user_id.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::TcSignature;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                _parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// The user's nickname.
            pub data: ::std::string::String,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: ::std::string::String) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response")
                    .field("data", &::sas_core::__private::Redacted)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: ::std::string::String::from("example"),
                }
            }
        }
    }
    /// `POST /user/getUserAvatar`: Gets the URL of the user's profile photo.
    ///
    /// [API List 1.6, "Get user’s profile photo"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by SAS; authenticated by `tc_signature`.
    ///
    /// SAS authenticates itself to the superapp backend: `TC-Timestamp` (Unix milliseconds) and `TC-Signature`, the lowercase hex of AES-ECB-PKCS#7 of the timestamp under the SecretKey.
    pub mod get_user_avatar {
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "1.6",
            title: "Get user’s profile photo",
            summary: "Gets the URL of the user's profile photo.",
            group: "user",
            module: "get_user_avatar",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::Some("/user/getUserAvatar"),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Sas,
            auth: ::sas_core::endpoint::AuthKind::TcSignature,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::None,
            headers: &[],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "userId",
                    rust_name: "user_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it with [`Request::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The anonymized user ID, generated by the superapp through the SDK; used temporarily when the mini program needs the user's openid.
            ///
            /// Wire: body field `userId`.
            #[serde(rename = "userId")]
            pub user_id: ::std::string::String,
        }
        impl Request {
            /// Builds the `Request` from its required fields; the others start empty or at their spec default.
            pub fn new(
                user_id: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self { user_id: user_id.into() }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request").field("user_id", &self.user_id).finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    user_id: ::std::string::String::from("example-userId"),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "userId" => ::std::option::Option::Some(self.user_id.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::TcSignature;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                _parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// The URL of the user's profile photo.
            pub data: ::std::string::String,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: ::std::string::String) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response")
                    .field("data", &::sas_core::__private::Redacted)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: ::std::string::String::from("example"),
                }
            }
        }
    }
}
/// Subscription messages (API List 1.7): SAS pushes a user-subscribed message for the superapp to deliver.
pub mod message {
    /// `POST /message/send`: Pushes a user-subscribed message from SAS to the superapp, which delivers it through its own channel.
    ///
    /// [API List 1.7, "Receive subscription messages"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by SAS; authenticated by `tc_signature`.
    ///
    /// SAS authenticates itself to the superapp backend: `TC-Timestamp` (Unix milliseconds) and `TC-Signature`, the lowercase hex of AES-ECB-PKCS#7 of the timestamp under the SecretKey.
    pub mod send_message {
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "1.7",
            title: "Receive subscription messages",
            summary: "Pushes a user-subscribed message from SAS to the superapp, which delivers it through its own channel.",
            group: "message",
            module: "send_message",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::Some("/message/send"),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Sas,
            auth: ::sas_core::endpoint::AuthKind::TcSignature,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::None,
            headers: &[],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "AccountId",
                    rust_name: "account_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "MessageId",
                    rust_name: "message_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "Content",
                    rust_name: "content",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "DateTime",
                    rust_name: "date_time",
                    required: true,
                    set_by_auth: false,
                    aliases: &["DataTime"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TemplateId",
                    rust_name: "template_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "MnpId",
                    rust_name: "mnp_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "MnpName",
                    rust_name: "mnp_name",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TemplateTitle",
                    rust_name: "template_title",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "State",
                    rust_name: "state",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "Page",
                    rust_name: "page",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "MnpIcon",
                    rust_name: "mnp_icon",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it from [`RequestInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The ID of the user who owns the message (the same as UserId).
            ///
            /// Wire: body field `AccountId`.
            #[serde(rename = "AccountId")]
            pub account_id: ::std::string::String,
            /// The unique ID of the message.
            ///
            /// Wire: body field `MessageId`.
            #[serde(rename = "MessageId")]
            pub message_id: ::std::string::String,
            /// The message content.
            ///
            /// Wire: body field `Content`.
            #[serde(rename = "Content")]
            pub content: ::std::string::String,
            /// The time the message was sent, as a Unix timestamp in seconds.
            ///
            /// Wire: body field `DateTime`; also accepted as `DataTime`; in seconds.
            #[serde(rename = "DateTime")]
            #[serde(alias = "DataTime")]
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub date_time: i64,
            /// The ID of the message template.
            ///
            /// Wire: body field `TemplateId`.
            #[serde(rename = "TemplateId")]
            pub template_id: ::std::string::String,
            /// The mini program appid.
            ///
            /// Wire: body field `MnpId`.
            #[serde(rename = "MnpId")]
            pub mnp_id: ::std::string::String,
            /// The mini program name.
            ///
            /// Wire: body field `MnpName`.
            #[serde(rename = "MnpName")]
            pub mnp_name: ::std::string::String,
            /// The template title.
            ///
            /// Wire: body field `TemplateTitle`.
            #[serde(rename = "TemplateTitle")]
            pub template_title: ::std::string::String,
            /// The version of the mini program to open: `developer` for the development version, `trial` for the preview, `formal` for the official version. The official version is the default.
            ///
            /// Wire: body field `State`; one of `developer`, `trial`, `formal`.
            #[serde(rename = "State")]
            pub state: State,
            /// The page opened when the template card is clicked; it must be a page of the mini program and may carry parameters (for example `index?foo=bar`). When it is empty, the card opens nothing.
            ///
            /// Wire: body field `Page`.
            ///
            /// Example: `index?foo=bar`.
            #[serde(rename = "Page")]
            pub page: ::std::string::String,
            /// The mini program icon.
            ///
            /// Wire: body field `MnpIcon`.
            #[serde(rename = "MnpIcon")]
            pub mnp_icon: ::std::string::String,
        }
        /// The required fields of a [`Request`], by name: `Request::from(RequestInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Request` afterwards.
        pub struct RequestInit<'a> {
            /// The ID of the user who owns the message (the same as UserId).
            pub account_id: &'a str,
            /// The unique ID of the message.
            pub message_id: &'a str,
            /// The message content.
            pub content: &'a str,
            /// The time the message was sent, as a Unix timestamp in seconds.
            pub date_time: i64,
            /// The ID of the message template.
            pub template_id: &'a str,
            /// The mini program appid.
            pub mnp_id: &'a str,
            /// The mini program name.
            pub mnp_name: &'a str,
            /// The template title.
            pub template_title: &'a str,
            /// The version of the mini program to open: `developer` for the development version, `trial` for the preview, `formal` for the official version. The official version is the default.
            pub state: State,
            /// The page opened when the template card is clicked; it must be a page of the mini program and may carry parameters (for example `index?foo=bar`). When it is empty, the card opens nothing.
            pub page: &'a str,
            /// The mini program icon.
            pub mnp_icon: &'a str,
        }
        impl ::std::convert::From<RequestInit<'_>> for Request {
            fn from(init: RequestInit<'_>) -> Self {
                let RequestInit {
                    account_id,
                    message_id,
                    content,
                    date_time,
                    template_id,
                    mnp_id,
                    mnp_name,
                    template_title,
                    state,
                    page,
                    mnp_icon,
                } = init;
                Self {
                    account_id: account_id.to_owned(),
                    message_id: message_id.to_owned(),
                    content: content.to_owned(),
                    date_time,
                    template_id: template_id.to_owned(),
                    mnp_id: mnp_id.to_owned(),
                    mnp_name: mnp_name.to_owned(),
                    template_title: template_title.to_owned(),
                    state,
                    page: page.to_owned(),
                    mnp_icon: mnp_icon.to_owned(),
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("account_id", &self.account_id)
                    .field("message_id", &self.message_id)
                    .field("content", &self.content)
                    .field("date_time", &self.date_time)
                    .field("template_id", &self.template_id)
                    .field("mnp_id", &self.mnp_id)
                    .field("mnp_name", &self.mnp_name)
                    .field("template_title", &self.template_title)
                    .field("state", &self.state)
                    .field("page", &self.page)
                    .field("mnp_icon", &self.mnp_icon)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "State",
                        self.state.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &["developer", "trial", "formal"],
                            format: ::std::option::Option::None,
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    account_id: ::std::string::String::from("example-AccountId"),
                    message_id: ::std::string::String::from("example-MessageId"),
                    content: ::std::string::String::from("example-Content"),
                    date_time: 1735293931i64,
                    template_id: ::std::string::String::from("example-TemplateId"),
                    mnp_id: ::std::string::String::from("example-MnpId"),
                    mnp_name: ::std::string::String::from("example-MnpName"),
                    template_title: ::std::string::String::from("example-TemplateTitle"),
                    state: State::from("developer"),
                    page: ::std::string::String::from("index?foo=bar"),
                    mnp_icon: ::std::string::String::from("example-MnpIcon"),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "AccountId" => ::std::option::Option::Some(self.account_id.as_str()),
                    "MessageId" => ::std::option::Option::Some(self.message_id.as_str()),
                    "Content" => ::std::option::Option::Some(self.content.as_str()),
                    "TemplateId" => {
                        ::std::option::Option::Some(self.template_id.as_str())
                    }
                    "MnpId" => ::std::option::Option::Some(self.mnp_id.as_str()),
                    "MnpName" => ::std::option::Option::Some(self.mnp_name.as_str()),
                    "TemplateTitle" => {
                        ::std::option::Option::Some(self.template_title.as_str())
                    }
                    "State" => ::std::option::Option::Some(self.state.as_str()),
                    "Page" => ::std::option::Option::Some(self.page.as_str()),
                    "MnpIcon" => ::std::option::Option::Some(self.mnp_icon.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::TcSignature;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                _parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// The processing result: whether the superapp accepted the message.
            pub data: bool,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: bool) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self { data: true }
            }
        }
        /// The values of `State`: `developer`, `trial`, `formal`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`State::as_str`] gives it back and [`State::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum State {
            /// `developer`.
            Developer,
            /// `trial`.
            Trial,
            /// `formal`.
            Formal,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl State {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Developer => "developer",
                    Self::Trial => "trial",
                    Self::Formal => "formal",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for State {
            fn from(value: &str) -> Self {
                match value {
                    "developer" => Self::Developer,
                    "trial" => Self::Trial,
                    "formal" => Self::Formal,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for State {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for State {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for State {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for State {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
    }
}
/// Standard (JSAPI) payment (API List 2.1–2.4): orders a merchant places through SAS with the superapp's payment, and their result callback.
pub mod payment {
    /// `POST /v3/pay/transactions/jsapi`: Creates a standard (JSAPI) payment order for a mini program.
    ///
    /// [API List 2.1, "Create a mini program order"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by a merchant backend, through SAS; authenticated by `merchant_rsa`.
    ///
    /// The merchant signs the request with its merchant API private key: `Authorization` carries mchid, nonce, timestamp, serial and a SHA256withRSA signature over `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`.
    ///
    /// The superapp reports the result with the callback [`crate::api::payment::payment_notification`] (2.2).
    pub mod create_jsapi_order {
        pub use super::super::common::Prepay;
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "2.1",
            title: "Create a mini program order",
            summary: "Creates a standard (JSAPI) payment order for a mini program.",
            group: "payment",
            module: "create_jsapi_order",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::Some("/v3/pay/transactions/jsapi"),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Merchant,
            auth: ::sas_core::endpoint::AuthKind::MerchantRsa,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::Some("2.2"),
            callback_of: ::std::option::Option::None,
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Payment-Callback",
                    rust_name: "payment_callback",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-MerchantID",
                    rust_name: "merchant_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["TC-MerchantId"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-UserID",
                    rust_name: "user_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-TradeType",
                    rust_name: "trade_type",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Platform-UserID",
                    rust_name: "platform_user_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["TC-Platform-UserId"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-ApplicationID",
                    rust_name: "application_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["X-TC-ApplicationId"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "Authorization",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "appid",
                    rust_name: "appid",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "description",
                    rust_name: "description",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "out_trade_no",
                    rust_name: "out_trade_no",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "time_expire",
                    rust_name: "time_expire",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "attach",
                    rust_name: "attach",
                    required: false,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "amount",
                    rust_name: "amount",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "payer",
                    rust_name: "payer",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "detail",
                    rust_name: "detail",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it from [`RequestInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The callback URL of a successful or failed payment: the superapp POSTs the payment result there.
            ///
            /// Wire: header `TC-Payment-Callback`; an absolute URL.
            #[serde(skip)]
            pub payment_callback: ::std::string::String,
            /// The merchant ID bound to the mini program's superapp on SAS: the merchant's unique identifier within the superapp payment system.
            ///
            /// Wire: header `TC-MerchantID`; also accepted as `TC-MerchantId`.
            #[serde(skip)]
            pub merchant_id: ::std::string::String,
            /// The superapp user login ID.
            ///
            /// Wire: header `TC-UserID`.
            #[serde(skip)]
            pub user_id: ::std::string::String,
            /// The transaction type; `JSAPI` is mini program payment.
            ///
            /// Wire: header `TC-TradeType`; one of `JSAPI`; starts as `JSAPI`.
            #[serde(skip)]
            pub trade_type: TradeType,
            /// The user's openid on SAS.
            ///
            /// Wire: header `TC-Platform-UserID`; also accepted as `TC-Platform-UserId`.
            #[serde(skip)]
            pub platform_user_id: ::std::string::String,
            /// The superapp ID on SAS.
            ///
            /// Wire: header `TC-ApplicationID`; also accepted as `X-TC-ApplicationId`.
            #[serde(skip)]
            pub application_id: ::std::string::String,
            /// The merchant's mini program appid, its unique identifier on SAS; it must be bound to the merchant ID.
            ///
            /// Wire: body field `appid`.
            pub appid: ::std::string::String,
            /// The product description, accurate and at most 127 characters.
            ///
            /// Wire: body field `description`; at most 127 characters.
            pub description: ::std::string::String,
            /// The order number inside the merchant system: 6 to 32 digits, letters or `_-|*`, unique under the merchant ID.
            ///
            /// Wire: body field `out_trade_no`; 6 to 32 characters; characters from `0-9A-Za-z_|*-`.
            pub out_trade_no: ::std::string::String,
            /// The last time the user can pay for this order (not the time the order closes), in RFC 3339 form `YYYY-MM-DDTHH:mm:ss+TIMEZONE`.
            ///
            /// Wire: body field `time_expire`; an RFC 3339 date-time.
            ///
            /// Example: `2015-05-20T13:29:35+08:00`.
            pub time_expire: ::std::string::String,
            /// Custom data the merchant attaches to the order, invisible to the user, at most 128 characters; returned by the order query and the payment callback.
            ///
            /// Wire: body field `attach`; optional; at most 128 characters.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub attach: ::std::option::Option<::std::string::String>,
            /// The order amount.
            ///
            /// Wire: body field `amount`.
            pub amount: Amount,
            /// The payer.
            ///
            /// Wire: body field `payer`.
            pub payer: Payer,
            /// The product information.
            ///
            /// Wire: body field `detail`.
            pub detail: Detail,
        }
        /// The required fields of a [`Request`], by name: `Request::from(RequestInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Request` afterwards.
        pub struct RequestInit<'a> {
            /// The callback URL of a successful or failed payment: the superapp POSTs the payment result there.
            pub payment_callback: &'a str,
            /// The merchant ID bound to the mini program's superapp on SAS: the merchant's unique identifier within the superapp payment system.
            pub merchant_id: &'a str,
            /// The superapp user login ID.
            pub user_id: &'a str,
            /// The user's openid on SAS.
            pub platform_user_id: &'a str,
            /// The superapp ID on SAS.
            pub application_id: &'a str,
            /// The merchant's mini program appid, its unique identifier on SAS; it must be bound to the merchant ID.
            pub appid: &'a str,
            /// The product description, accurate and at most 127 characters.
            pub description: &'a str,
            /// The order number inside the merchant system: 6 to 32 digits, letters or `_-|*`, unique under the merchant ID.
            pub out_trade_no: &'a str,
            /// The last time the user can pay for this order (not the time the order closes), in RFC 3339 form `YYYY-MM-DDTHH:mm:ss+TIMEZONE`.
            pub time_expire: &'a str,
            /// The order amount.
            pub amount: Amount,
            /// The payer.
            pub payer: Payer,
            /// The product information.
            pub detail: Detail,
        }
        impl ::std::convert::From<RequestInit<'_>> for Request {
            fn from(init: RequestInit<'_>) -> Self {
                let RequestInit {
                    payment_callback,
                    merchant_id,
                    user_id,
                    platform_user_id,
                    application_id,
                    appid,
                    description,
                    out_trade_no,
                    time_expire,
                    amount,
                    payer,
                    detail,
                } = init;
                Self {
                    payment_callback: payment_callback.to_owned(),
                    merchant_id: merchant_id.to_owned(),
                    user_id: user_id.to_owned(),
                    trade_type: ::std::default::Default::default(),
                    platform_user_id: platform_user_id.to_owned(),
                    application_id: application_id.to_owned(),
                    appid: appid.to_owned(),
                    description: description.to_owned(),
                    out_trade_no: out_trade_no.to_owned(),
                    time_expire: time_expire.to_owned(),
                    attach: ::std::option::Option::None,
                    amount,
                    payer,
                    detail,
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("payment_callback", &self.payment_callback)
                    .field("merchant_id", &self.merchant_id)
                    .field("user_id", &self.user_id)
                    .field("trade_type", &self.trade_type)
                    .field("platform_user_id", &self.platform_user_id)
                    .field("application_id", &self.application_id)
                    .field("appid", &self.appid)
                    .field("description", &self.description)
                    .field("out_trade_no", &self.out_trade_no)
                    .field("time_expire", &self.time_expire)
                    .field("attach", &self.attach)
                    .field("amount", &self.amount)
                    .field("payer", &self.payer)
                    .field("detail", &self.detail)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "TC-Payment-Callback",
                        self.payment_callback.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[],
                            format: ::std::option::Option::Some(
                                ::sas_core::validate::Format::Url,
                            ),
                        },
                    );
                validator
                    .string(
                        "TC-TradeType",
                        self.trade_type.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &["JSAPI"],
                            format: ::std::option::Option::None,
                        },
                    );
                validator
                    .string(
                        "description",
                        self.description.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::Some(127u32),
                            charset: &[],
                            values: &[],
                            format: ::std::option::Option::None,
                        },
                    );
                validator
                    .string(
                        "out_trade_no",
                        self.out_trade_no.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::Some(6u32),
                            max_len: ::std::option::Option::Some(32u32),
                            charset: &[
                                ('0', '9'),
                                ('A', 'Z'),
                                ('a', 'z'),
                                ('_', '_'),
                                ('|', '|'),
                                ('*', '*'),
                                ('-', '-'),
                            ],
                            values: &[],
                            format: ::std::option::Option::None,
                        },
                    );
                validator
                    .string(
                        "time_expire",
                        self.time_expire.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[],
                            format: ::std::option::Option::Some(
                                ::sas_core::validate::Format::Rfc3339,
                            ),
                        },
                    );
                if let ::std::option::Option::Some(value) = &self.attach {
                    validator
                        .string(
                            "attach",
                            value.as_str(),
                            &::sas_core::validate::StrRules {
                                min_len: ::std::option::Option::None,
                                max_len: ::std::option::Option::Some(128u32),
                                charset: &[],
                                values: &[],
                                format: ::std::option::Option::None,
                            },
                        );
                }
                validator.nested("amount", &self.amount);
                validator.nested("payer", &self.payer);
                validator.nested("detail", &self.detail);
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    payment_callback: ::std::string::String::from(
                        "https://merchant.example/sas/notify",
                    ),
                    merchant_id: ::std::string::String::from("example-TC-MerchantID"),
                    user_id: ::std::string::String::from("example-TC-UserID"),
                    trade_type: TradeType::from("JSAPI"),
                    platform_user_id: ::std::string::String::from(
                        "example-TC-Platform-UserID",
                    ),
                    application_id: ::std::string::String::from(
                        "example-TC-ApplicationID",
                    ),
                    appid: ::std::string::String::from("example-appid"),
                    description: ::std::string::String::from("example-description"),
                    out_trade_no: ::std::string::String::from("example-out_trade_no"),
                    time_expire: ::std::string::String::from(
                        "2026-01-02T03:04:05+08:00",
                    ),
                    attach: ::std::option::Option::Some(
                        ::std::string::String::from("example-attach"),
                    ),
                    amount: <Amount as ::sas_core::endpoint::Example>::example(),
                    payer: <Payer as ::sas_core::endpoint::Example>::example(),
                    detail: <Detail as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "appid" => ::std::option::Option::Some(self.appid.as_str()),
                    "description" => {
                        ::std::option::Option::Some(self.description.as_str())
                    }
                    "out_trade_no" => {
                        ::std::option::Option::Some(self.out_trade_no.as_str())
                    }
                    "time_expire" => {
                        ::std::option::Option::Some(self.time_expire.as_str())
                    }
                    "attach" => self.attach.as_deref(),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::MerchantRsa;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([
                    ("TC-Payment-Callback", self.payment_callback.as_str()),
                    ("TC-MerchantID", self.merchant_id.as_str()),
                    ("TC-UserID", self.user_id.as_str()),
                    ("TC-TradeType", self.trade_type.as_str()),
                    ("TC-Platform-UserID", self.platform_user_id.as_str()),
                    ("TC-ApplicationID", self.application_id.as_str()),
                ])
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.payment_callback = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-Payment-Callback",
                    &[],
                )?;
                self.merchant_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-MerchantID",
                    &["TC-MerchantId"],
                )?;
                self.user_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-UserID",
                    &[],
                )?;
                self.trade_type = ::sas_core::__private::required(
                        parts,
                        ::sas_core::endpoint::WirePart::Header,
                        "TC-TradeType",
                        &[],
                    )?
                    .into();
                self.platform_user_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-Platform-UserID",
                    &["TC-Platform-UserId"],
                )?;
                self.application_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-ApplicationID",
                    &["X-TC-ApplicationId"],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// The created order.
            pub data: Prepay,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: Prepay) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator.nested("data", &self.data);
            }
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: <Prepay as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
        /// The amount of an order.
        ///
        /// Build it with [`Amount::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Amount {
            /// The total order amount, an integer in cents.
            ///
            /// Wire: `total`; in cents.
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub total: i64,
            /// The currency, a three-letter ISO 4217 code.
            ///
            /// Wire: `currency`; optional; an ISO 4217 currency code.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub currency: ::std::option::Option<::std::string::String>,
        }
        impl Amount {
            /// Builds the `Amount` from its required fields; the others start empty or at their spec default.
            pub fn new(total: i64) -> Self {
                Self {
                    total,
                    currency: ::std::option::Option::None,
                }
            }
        }
        impl ::std::fmt::Debug for Amount {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Amount")
                    .field("total", &self.total)
                    .field("currency", &self.currency)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Amount {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                if let ::std::option::Option::Some(value) = &self.currency {
                    validator
                        .string(
                            "currency",
                            value.as_str(),
                            &::sas_core::validate::StrRules {
                                min_len: ::std::option::Option::None,
                                max_len: ::std::option::Option::None,
                                charset: &[],
                                values: &[],
                                format: ::std::option::Option::Some(
                                    ::sas_core::validate::Format::Currency,
                                ),
                            },
                        );
                }
            }
        }
        impl ::sas_core::endpoint::Example for Amount {
            fn example() -> Self {
                Self {
                    total: 100i64,
                    currency: ::std::option::Option::Some(
                        ::std::string::String::from("USD"),
                    ),
                }
            }
        }
        /// The payer of an order.
        ///
        /// Build it with [`Payer::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Payer {
            /// The user's unique identifier under the merchant's mini program appid, obtained through mini program login before the order is placed.
            ///
            /// Wire: `openid`.
            pub openid: ::std::string::String,
        }
        impl Payer {
            /// Builds the `Payer` from its required fields; the others start empty or at their spec default.
            pub fn new(
                openid: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self { openid: openid.into() }
            }
        }
        impl ::std::fmt::Debug for Payer {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Payer").field("openid", &self.openid).finish()
            }
        }
        impl ::sas_core::validate::Validate for Payer {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for Payer {
            fn example() -> Self {
                Self {
                    openid: ::std::string::String::from("example-openid"),
                }
            }
        }
        /// The products of an order.
        ///
        /// Build it with [`Detail::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Detail {
            /// The original price of the order.
            ///
            /// Wire: `cost_price`; optional; in cents.
            #[serde(with = "::sas_core::__private::lenient::opt_int")]
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub cost_price: ::std::option::Option<i64>,
            /// The product list.
            ///
            /// Wire: `goods_detail`.
            pub goods_detail: ::std::vec::Vec<GoodsDetail>,
        }
        impl Detail {
            /// Builds the `Detail` from its required fields; the others start empty or at their spec default.
            pub fn new(goods_detail: ::std::vec::Vec<GoodsDetail>) -> Self {
                Self {
                    cost_price: ::std::option::Option::None,
                    goods_detail,
                }
            }
        }
        impl ::std::fmt::Debug for Detail {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Detail")
                    .field("cost_price", &self.cost_price)
                    .field("goods_detail", &self.goods_detail)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Detail {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator.nested("goods_detail", &self.goods_detail);
            }
        }
        impl ::sas_core::endpoint::Example for Detail {
            fn example() -> Self {
                Self {
                    cost_price: ::std::option::Option::Some(100i64),
                    goods_detail: ::std::vec![
                        < GoodsDetail as ::sas_core::endpoint::Example > ::example()
                    ],
                }
            }
        }
        /// One product of an order.
        ///
        /// Build it with [`GoodsDetail::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct GoodsDetail {
            /// The merchant's product code: half-width letters, digits, hyphens and underscores.
            ///
            /// Wire: `merchant_goods_id`; characters from `0-9A-Za-z_-`.
            pub merchant_goods_id: ::std::string::String,
            /// The actual product name.
            ///
            /// Wire: `goods_name`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub goods_name: ::std::option::Option<::std::string::String>,
            /// The quantity the user buys.
            ///
            /// Wire: `quantity`.
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub quantity: i64,
            /// The unit price, an integer in cents.
            ///
            /// Wire: `unit_price`; in cents.
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub unit_price: i64,
        }
        impl GoodsDetail {
            /// Builds the `GoodsDetail` from its required fields; the others start empty or at their spec default.
            pub fn new(
                merchant_goods_id: impl ::std::convert::Into<::std::string::String>,
                quantity: i64,
                unit_price: i64,
            ) -> Self {
                Self {
                    merchant_goods_id: merchant_goods_id.into(),
                    goods_name: ::std::option::Option::None,
                    quantity,
                    unit_price,
                }
            }
        }
        impl ::std::fmt::Debug for GoodsDetail {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("GoodsDetail")
                    .field("merchant_goods_id", &self.merchant_goods_id)
                    .field("goods_name", &self.goods_name)
                    .field("quantity", &self.quantity)
                    .field("unit_price", &self.unit_price)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for GoodsDetail {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "merchant_goods_id",
                        self.merchant_goods_id.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[
                                ('0', '9'),
                                ('A', 'Z'),
                                ('a', 'z'),
                                ('_', '_'),
                                ('-', '-'),
                            ],
                            values: &[],
                            format: ::std::option::Option::None,
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for GoodsDetail {
            fn example() -> Self {
                Self {
                    merchant_goods_id: ::std::string::String::from(
                        "example-merchant_goods_id",
                    ),
                    goods_name: ::std::option::Option::Some(
                        ::std::string::String::from("example-goods_name"),
                    ),
                    quantity: 1i64,
                    unit_price: 100i64,
                }
            }
        }
        /// The values of `TC-TradeType`: `JSAPI`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`TradeType::as_str`] gives it back and [`TradeType::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::default::Default,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum TradeType {
            /// `JSAPI`.
            #[default]
            Jsapi,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl TradeType {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Jsapi => "JSAPI",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for TradeType {
            fn from(value: &str) -> Self {
                match value {
                    "JSAPI" => Self::Jsapi,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for TradeType {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for TradeType {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for TradeType {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for TradeType {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
    }
    /// `POST` to the `TC-Payment-Callback` URL of 2.1: The superapp tells the merchant the result of a standard payment, POSTing to the order's TC-Payment-Callback URL.
    ///
    /// [API List 2.2, "Mini program order payment callback"](https://www.tencentcloud.com/document/product/1219/67644). Served by the owner of the callback URL; sent by the superapp backend; authenticated by `payment_callback`.
    ///
    /// The superapp signs a payment or refund callback twice: `TC-Timestamp` (Unix seconds) with `TC-Signature` for SAS, and `TC-Callback-Signature`, SHA256withRSA over `TIMESTAMP\nNONCE\nBODY\n` with the key named by `TC-Callback-Serial`. The `resource` is sealed with AEAD_AES_256_GCM under the merchant's APIv3 key.
    pub mod payment_notification {
        pub use super::super::common::Algorithm;
        pub use super::super::common::EncryptedResource;
        pub use super::super::common::OriginalType;
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "2.2",
            title: "Mini program order payment callback",
            summary: "The superapp tells the merchant the result of a standard payment, POSTing to the order's TC-Payment-Callback URL.",
            group: "payment",
            module: "payment_notification",
            kind: ::sas_core::endpoint::EntryKind::Callback,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::None,
            served_by: ::sas_core::endpoint::ServedBy::CallbackUrl,
            caller: ::sas_core::endpoint::Caller::Superapp,
            auth: ::sas_core::endpoint::AuthKind::PaymentCallback,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::Some("2.1"),
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Callback-Serial",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &["TC-Serial"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Signature",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &["X-TC-Signature"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Timestamp",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Callback-Nonce",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &["TC-Nonce"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Callback-OutTradeNo",
                    rust_name: "callback_out_trade_no",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Callback-Signature",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-ApplicationID",
                    rust_name: "application_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["X-TC-ApplicationId"],
                    secret: false,
                    encrypted: false,
                },
            ],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "id",
                    rust_name: "id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "create_time",
                    rust_name: "create_time",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "event_type",
                    rust_name: "event_type",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "resource_type",
                    rust_name: "resource_type",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "summary",
                    rust_name: "summary",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "resource",
                    rust_name: "resource",
                    required: true,
                    set_by_auth: false,
                    aliases: &["Resource"],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The callback as the superapp delivers it: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it from [`RequestInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The merchant order number, so the callback can be routed without decrypting it.
            ///
            /// Wire: header `TC-Callback-OutTradeNo`.
            #[serde(skip)]
            pub callback_out_trade_no: ::std::string::String,
            /// The superapp ID on SAS: the TC-ApplicationID of the order request.
            ///
            /// Wire: header `TC-ApplicationID`; also accepted as `X-TC-ApplicationId`.
            #[serde(skip)]
            pub application_id: ::std::string::String,
            /// The unique identifier of the callback notification.
            ///
            /// Wire: body field `id`.
            pub id: ::std::string::String,
            /// The time the notification was created, in RFC 3339 form.
            ///
            /// Wire: body field `create_time`; an RFC 3339 date-time.
            ///
            /// Example: `2015-05-20T13:29:35+08:00`.
            pub create_time: ::std::string::String,
            /// The notification type: `TRANSACTION.SUCCESS` for a successful payment, `TRANSACTION.PAYERROR` for a failed one.
            ///
            /// Wire: body field `event_type`; one of `TRANSACTION.SUCCESS`, `TRANSACTION.PAYERROR`.
            pub event_type: EventType,
            /// The type of the notification data, always `encrypt-resource`.
            ///
            /// Wire: body field `resource_type`; one of `encrypt-resource`; starts as `encrypt-resource`.
            pub resource_type: ResourceType,
            /// The superapp payment's summary of the callback.
            ///
            /// Wire: body field `summary`.
            pub summary: ::std::string::String,
            /// The notification data, encrypted; it decrypts to a `Transaction`.
            ///
            /// Wire: body field `resource`; also accepted as `Resource`.
            #[serde(alias = "Resource")]
            pub resource: EncryptedResource,
        }
        /// The required fields of a [`Request`], by name: `Request::from(RequestInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Request` afterwards.
        pub struct RequestInit<'a> {
            /// The merchant order number, so the callback can be routed without decrypting it.
            pub callback_out_trade_no: &'a str,
            /// The superapp ID on SAS: the TC-ApplicationID of the order request.
            pub application_id: &'a str,
            /// The unique identifier of the callback notification.
            pub id: &'a str,
            /// The time the notification was created, in RFC 3339 form.
            pub create_time: &'a str,
            /// The notification type: `TRANSACTION.SUCCESS` for a successful payment, `TRANSACTION.PAYERROR` for a failed one.
            pub event_type: EventType,
            /// The superapp payment's summary of the callback.
            pub summary: &'a str,
            /// The notification data, encrypted; it decrypts to a `Transaction`.
            pub resource: EncryptedResource,
        }
        impl ::std::convert::From<RequestInit<'_>> for Request {
            fn from(init: RequestInit<'_>) -> Self {
                let RequestInit {
                    callback_out_trade_no,
                    application_id,
                    id,
                    create_time,
                    event_type,
                    summary,
                    resource,
                } = init;
                Self {
                    callback_out_trade_no: callback_out_trade_no.to_owned(),
                    application_id: application_id.to_owned(),
                    id: id.to_owned(),
                    create_time: create_time.to_owned(),
                    event_type,
                    resource_type: ::std::default::Default::default(),
                    summary: summary.to_owned(),
                    resource,
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("callback_out_trade_no", &self.callback_out_trade_no)
                    .field("application_id", &self.application_id)
                    .field("id", &self.id)
                    .field("create_time", &self.create_time)
                    .field("event_type", &self.event_type)
                    .field("resource_type", &self.resource_type)
                    .field("summary", &self.summary)
                    .field("resource", &self.resource)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "create_time",
                        self.create_time.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[],
                            format: ::std::option::Option::Some(
                                ::sas_core::validate::Format::Rfc3339,
                            ),
                        },
                    );
                validator
                    .string(
                        "event_type",
                        self.event_type.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &["TRANSACTION.SUCCESS", "TRANSACTION.PAYERROR"],
                            format: ::std::option::Option::None,
                        },
                    );
                validator
                    .string(
                        "resource_type",
                        self.resource_type.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &["encrypt-resource"],
                            format: ::std::option::Option::None,
                        },
                    );
                validator.nested("resource", &self.resource);
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    callback_out_trade_no: ::std::string::String::from(
                        "example-TC-Callback-OutTradeNo",
                    ),
                    application_id: ::std::string::String::from(
                        "example-TC-ApplicationID",
                    ),
                    id: ::std::string::String::from("example-id"),
                    create_time: ::std::string::String::from(
                        "2026-01-02T03:04:05+08:00",
                    ),
                    event_type: EventType::from("TRANSACTION.SUCCESS"),
                    resource_type: ResourceType::from("encrypt-resource"),
                    summary: ::std::string::String::from("example-summary"),
                    resource: <EncryptedResource as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "id" => ::std::option::Option::Some(self.id.as_str()),
                    "create_time" => {
                        ::std::option::Option::Some(self.create_time.as_str())
                    }
                    "event_type" => ::std::option::Option::Some(self.event_type.as_str()),
                    "resource_type" => {
                        ::std::option::Option::Some(self.resource_type.as_str())
                    }
                    "summary" => ::std::option::Option::Some(self.summary.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::PaymentCallback;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([
                    ("TC-Callback-OutTradeNo", self.callback_out_trade_no.as_str()),
                    ("TC-ApplicationID", self.application_id.as_str()),
                ])
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.callback_out_trade_no = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-Callback-OutTradeNo",
                    &[],
                )?;
                self.application_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-ApplicationID",
                    &["X-TC-ApplicationId"],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        impl ::sas_core::callback::EncryptedCallback for Request {
            type Resource = Transaction;
            fn sealed(&self) -> ::sas_core::callback::Sealed<'_> {
                ::sas_core::callback::Sealed {
                    algorithm: self.resource.algorithm.as_str(),
                    ciphertext: self.resource.ciphertext.as_str(),
                    nonce: self.resource.nonce.as_str(),
                    associated_data: self
                        .resource
                        .associated_data
                        .as_ref()
                        .map_or("", |value| value.as_str()),
                    original_type: self.resource.original_type.as_str(),
                }
            }
            fn set_sealed(
                &mut self,
                ciphertext: ::std::string::String,
                nonce: ::std::string::String,
                associated_data: ::std::string::String,
            ) {
                self.resource.ciphertext = ciphertext;
                self.resource.nonce = nonce;
                self.resource.associated_data = if associated_data.is_empty() {
                    ::std::option::Option::None
                } else {
                    ::std::option::Option::Some(associated_data)
                };
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// Whether the notification was accepted.
            pub data: bool,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: bool) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self { data: true }
            }
        }
        /// The decrypted `resource` of a payment callback: the transaction.
        ///
        /// Build it from [`TransactionInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Transaction {
            /// The platform payment order ID.
            ///
            /// Wire: `transaction_id`.
            pub transaction_id: ::std::string::String,
            /// The merchant ID.
            ///
            /// Wire: `mch_id`.
            pub mch_id: ::std::string::String,
            /// The merchant order number.
            ///
            /// Wire: `out_trade_no`.
            pub out_trade_no: ::std::string::String,
            /// The merchant's mini program appid.
            ///
            /// Wire: `appid`.
            pub appid: ::std::string::String,
            /// The transaction state: `SUCCESS` paid, `REFUND` refund in process, `NOTPAY` not paid, `CLOSED` closed, `REVOKED` revoked, `USERPAYING` payment in process, `PAYERROR` payment failed.
            ///
            /// Wire: `trade_state`; one of `SUCCESS`, `REFUND`, `NOTPAY`, `CLOSED`, `REVOKED`, `USERPAYING`, `PAYERROR`.
            pub trade_state: TradeState,
            /// The description of the transaction state.
            ///
            /// Wire: `trade_state_desc`.
            pub trade_state_desc: ::std::string::String,
            /// The transaction type, always `JSAPI`.
            ///
            /// Wire: `trade_type`; one of `JSAPI`.
            pub trade_type: TradeType,
            /// The user's payment method as `bankCode_type` (for example `ICBC_DEBIT`); non-bank payments are `OTHERS`.
            ///
            /// Wire: `bank_type`.
            pub bank_type: ::std::string::String,
            /// The time the payment completed.
            ///
            /// Wire: `success_time`.
            pub success_time: ::std::string::String,
            /// The identifier of the user who paid.
            ///
            /// Wire: `payer`.
            pub payer: ::sas_core::types::StringOr<Payer>,
            /// The data attached when the order was placed.
            ///
            /// Wire: `attach`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub attach: ::std::option::Option<::std::string::String>,
            /// The order amount.
            ///
            /// Wire: `amount`.
            pub amount: TransactionAmount,
        }
        /// The required fields of a [`Transaction`], by name: `Transaction::from(TransactionInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Transaction` afterwards.
        pub struct TransactionInit<'a> {
            /// The platform payment order ID.
            pub transaction_id: &'a str,
            /// The merchant ID.
            pub mch_id: &'a str,
            /// The merchant order number.
            pub out_trade_no: &'a str,
            /// The merchant's mini program appid.
            pub appid: &'a str,
            /// The transaction state: `SUCCESS` paid, `REFUND` refund in process, `NOTPAY` not paid, `CLOSED` closed, `REVOKED` revoked, `USERPAYING` payment in process, `PAYERROR` payment failed.
            pub trade_state: TradeState,
            /// The description of the transaction state.
            pub trade_state_desc: &'a str,
            /// The transaction type, always `JSAPI`.
            pub trade_type: TradeType,
            /// The user's payment method as `bankCode_type` (for example `ICBC_DEBIT`); non-bank payments are `OTHERS`.
            pub bank_type: &'a str,
            /// The time the payment completed.
            pub success_time: &'a str,
            /// The identifier of the user who paid.
            pub payer: ::sas_core::types::StringOr<Payer>,
            /// The order amount.
            pub amount: TransactionAmount,
        }
        impl ::std::convert::From<TransactionInit<'_>> for Transaction {
            fn from(init: TransactionInit<'_>) -> Self {
                let TransactionInit {
                    transaction_id,
                    mch_id,
                    out_trade_no,
                    appid,
                    trade_state,
                    trade_state_desc,
                    trade_type,
                    bank_type,
                    success_time,
                    payer,
                    amount,
                } = init;
                Self {
                    transaction_id: transaction_id.to_owned(),
                    mch_id: mch_id.to_owned(),
                    out_trade_no: out_trade_no.to_owned(),
                    appid: appid.to_owned(),
                    trade_state,
                    trade_state_desc: trade_state_desc.to_owned(),
                    trade_type,
                    bank_type: bank_type.to_owned(),
                    success_time: success_time.to_owned(),
                    payer,
                    attach: ::std::option::Option::None,
                    amount,
                }
            }
        }
        impl ::std::fmt::Debug for Transaction {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Transaction")
                    .field("transaction_id", &self.transaction_id)
                    .field("mch_id", &self.mch_id)
                    .field("out_trade_no", &self.out_trade_no)
                    .field("appid", &self.appid)
                    .field("trade_state", &self.trade_state)
                    .field("trade_state_desc", &self.trade_state_desc)
                    .field("trade_type", &self.trade_type)
                    .field("bank_type", &self.bank_type)
                    .field("success_time", &self.success_time)
                    .field("payer", &self.payer)
                    .field("attach", &self.attach)
                    .field("amount", &self.amount)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Transaction {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "trade_state",
                        self.trade_state.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[
                                "SUCCESS",
                                "REFUND",
                                "NOTPAY",
                                "CLOSED",
                                "REVOKED",
                                "USERPAYING",
                                "PAYERROR",
                            ],
                            format: ::std::option::Option::None,
                        },
                    );
                validator
                    .string(
                        "trade_type",
                        self.trade_type.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &["JSAPI"],
                            format: ::std::option::Option::None,
                        },
                    );
                validator.nested("payer", &self.payer);
                validator.nested("amount", &self.amount);
            }
        }
        impl ::sas_core::endpoint::Example for Transaction {
            fn example() -> Self {
                Self {
                    transaction_id: ::std::string::String::from(
                        "example-transaction_id",
                    ),
                    mch_id: ::std::string::String::from("example-mch_id"),
                    out_trade_no: ::std::string::String::from("example-out_trade_no"),
                    appid: ::std::string::String::from("example-appid"),
                    trade_state: TradeState::from("SUCCESS"),
                    trade_state_desc: ::std::string::String::from(
                        "example-trade_state_desc",
                    ),
                    trade_type: TradeType::from("JSAPI"),
                    bank_type: ::std::string::String::from("example-bank_type"),
                    success_time: ::std::string::String::from("example-success_time"),
                    payer: ::sas_core::types::StringOr::String(
                        ::std::string::String::from("example-payer"),
                    ),
                    attach: ::std::option::Option::Some(
                        ::std::string::String::from("example-attach"),
                    ),
                    amount: <TransactionAmount as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
        /// The amount of a paid order; the vendor types every field as a string of cents.
        ///
        /// Build it from [`TransactionAmountInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct TransactionAmount {
            /// The total order amount, in cents.
            ///
            /// Wire: `total`; a decimal integer sent as a string; in cents.
            #[serde(with = "::sas_core::__private::lenient::int_string")]
            pub total: i64,
            /// The amount the user actually paid, in cents.
            ///
            /// Wire: `payer_total`; a decimal integer sent as a string; in cents.
            #[serde(with = "::sas_core::__private::lenient::int_string")]
            pub payer_total: i64,
            /// The currency.
            ///
            /// Wire: `currency`.
            pub currency: ::std::string::String,
            /// The currency the user paid in.
            ///
            /// Wire: `payer_currency`.
            pub payer_currency: ::std::string::String,
        }
        /// The required fields of a [`TransactionAmount`], by name: `TransactionAmount::from(TransactionAmountInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `TransactionAmount` afterwards.
        pub struct TransactionAmountInit<'a> {
            /// The total order amount, in cents.
            pub total: i64,
            /// The amount the user actually paid, in cents.
            pub payer_total: i64,
            /// The currency.
            pub currency: &'a str,
            /// The currency the user paid in.
            pub payer_currency: &'a str,
        }
        impl ::std::convert::From<TransactionAmountInit<'_>> for TransactionAmount {
            fn from(init: TransactionAmountInit<'_>) -> Self {
                let TransactionAmountInit {
                    total,
                    payer_total,
                    currency,
                    payer_currency,
                } = init;
                Self {
                    total,
                    payer_total,
                    currency: currency.to_owned(),
                    payer_currency: payer_currency.to_owned(),
                }
            }
        }
        impl ::std::fmt::Debug for TransactionAmount {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("TransactionAmount")
                    .field("total", &self.total)
                    .field("payer_total", &self.payer_total)
                    .field("currency", &self.currency)
                    .field("payer_currency", &self.payer_currency)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for TransactionAmount {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for TransactionAmount {
            fn example() -> Self {
                Self {
                    total: 100i64,
                    payer_total: 100i64,
                    currency: ::std::string::String::from("example-currency"),
                    payer_currency: ::std::string::String::from("example-payer_currency"),
                }
            }
        }
        /// The payer, when a sender gives it as an object rather than a bare identifier.
        ///
        /// Build it with `Payer::new()` (or `Default`) and set the fields you need.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Payer {
            /// The payer's identifier.
            ///
            /// Wire: `openid`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub openid: ::std::option::Option<::std::string::String>,
        }
        impl Payer {
            /// Builds the `Payer` with every field empty or at its spec default.
            pub fn new() -> Self {
                Self {
                    openid: ::std::option::Option::None,
                }
            }
        }
        impl ::std::default::Default for Payer {
            fn default() -> Self {
                Self::new()
            }
        }
        impl ::std::fmt::Debug for Payer {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Payer").field("openid", &self.openid).finish()
            }
        }
        impl ::sas_core::validate::Validate for Payer {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for Payer {
            fn example() -> Self {
                Self {
                    openid: ::std::option::Option::Some(
                        ::std::string::String::from("example-openid"),
                    ),
                }
            }
        }
        /// The values of `event_type`: `TRANSACTION.SUCCESS`, `TRANSACTION.PAYERROR`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`EventType::as_str`] gives it back and [`EventType::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum EventType {
            /// `TRANSACTION.SUCCESS`.
            TransactionSuccess,
            /// `TRANSACTION.PAYERROR`.
            TransactionPayerror,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl EventType {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::TransactionSuccess => "TRANSACTION.SUCCESS",
                    Self::TransactionPayerror => "TRANSACTION.PAYERROR",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for EventType {
            fn from(value: &str) -> Self {
                match value {
                    "TRANSACTION.SUCCESS" => Self::TransactionSuccess,
                    "TRANSACTION.PAYERROR" => Self::TransactionPayerror,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for EventType {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for EventType {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for EventType {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for EventType {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
        /// The values of `resource_type`: `encrypt-resource`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`ResourceType::as_str`] gives it back and [`ResourceType::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::default::Default,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum ResourceType {
            /// `encrypt-resource`.
            #[default]
            EncryptResource,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl ResourceType {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::EncryptResource => "encrypt-resource",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for ResourceType {
            fn from(value: &str) -> Self {
                match value {
                    "encrypt-resource" => Self::EncryptResource,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for ResourceType {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for ResourceType {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for ResourceType {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for ResourceType {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
        /// The values of `trade_state`: `SUCCESS`, `REFUND`, `NOTPAY`, `CLOSED`, `REVOKED`, `USERPAYING`, `PAYERROR`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`TradeState::as_str`] gives it back and [`TradeState::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum TradeState {
            /// `SUCCESS`.
            Success,
            /// `REFUND`.
            Refund,
            /// `NOTPAY`.
            Notpay,
            /// `CLOSED`.
            Closed,
            /// `REVOKED`.
            Revoked,
            /// `USERPAYING`.
            Userpaying,
            /// `PAYERROR`.
            Payerror,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl TradeState {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Success => "SUCCESS",
                    Self::Refund => "REFUND",
                    Self::Notpay => "NOTPAY",
                    Self::Closed => "CLOSED",
                    Self::Revoked => "REVOKED",
                    Self::Userpaying => "USERPAYING",
                    Self::Payerror => "PAYERROR",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for TradeState {
            fn from(value: &str) -> Self {
                match value {
                    "SUCCESS" => Self::Success,
                    "REFUND" => Self::Refund,
                    "NOTPAY" => Self::Notpay,
                    "CLOSED" => Self::Closed,
                    "REVOKED" => Self::Revoked,
                    "USERPAYING" => Self::Userpaying,
                    "PAYERROR" => Self::Payerror,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for TradeState {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for TradeState {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for TradeState {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for TradeState {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
        /// The values of `trade_type`: `JSAPI`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`TradeType::as_str`] gives it back and [`TradeType::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum TradeType {
            /// `JSAPI`.
            Jsapi,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl TradeType {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Jsapi => "JSAPI",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for TradeType {
            fn from(value: &str) -> Self {
                match value {
                    "JSAPI" => Self::Jsapi,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for TradeType {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for TradeType {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for TradeType {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for TradeType {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
    }
    /// `GET /v3/pay/transactions/out-trade-no/{out_trade_no}`: Queries a standard (JSAPI) payment order by the merchant order number.
    ///
    /// [API List 2.3, "Query orders by the order number"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by a merchant backend, through SAS; authenticated by `merchant_rsa`.
    ///
    /// The merchant signs the request with its merchant API private key: `Authorization` carries mchid, nonce, timestamp, serial and a SHA256withRSA signature over `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`.
    pub mod query_order {
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "2.3",
            title: "Query orders by the order number",
            summary: "Queries a standard (JSAPI) payment order by the merchant order number.",
            group: "payment",
            module: "query_order",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::GET,
            ),
            path: ::std::option::Option::Some(
                "/v3/pay/transactions/out-trade-no/{out_trade_no}",
            ),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Merchant,
            auth: ::sas_core::endpoint::AuthKind::MerchantRsa,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::None,
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "Authorization",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            path_params: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "out_trade_no",
                    rust_name: "out_trade_no",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            query: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "mchid",
                    rust_name: "mchid",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            body: &[],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it with [`Request::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The merchant order number, as given when the order was placed.
            ///
            /// Wire: path parameter `{out_trade_no}`; 6 to 32 characters; characters from `0-9A-Za-z_|*-`.
            #[serde(skip)]
            pub out_trade_no: ::std::string::String,
            /// The merchant ID, as given when the order was placed.
            ///
            /// Wire: query parameter `mchid`.
            #[serde(skip)]
            pub mchid: ::std::string::String,
        }
        impl Request {
            /// Builds the `Request` from its required fields; the others start empty or at their spec default.
            pub fn new(
                out_trade_no: impl ::std::convert::Into<::std::string::String>,
                mchid: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self {
                    out_trade_no: out_trade_no.into(),
                    mchid: mchid.into(),
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("out_trade_no", &self.out_trade_no)
                    .field("mchid", &self.mchid)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "out_trade_no",
                        self.out_trade_no.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::Some(6u32),
                            max_len: ::std::option::Option::Some(32u32),
                            charset: &[
                                ('0', '9'),
                                ('A', 'Z'),
                                ('a', 'z'),
                                ('_', '_'),
                                ('|', '|'),
                                ('*', '*'),
                                ('-', '-'),
                            ],
                            values: &[],
                            format: ::std::option::Option::None,
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    out_trade_no: ::std::string::String::from("example-out_trade_no"),
                    mchid: ::std::string::String::from("example-mchid"),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, _name: &str) -> ::std::option::Option<&str> {
                ::std::option::Option::None
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::GET;
            type Response = Response;
            type Auth = ::sas_core::auth::MerchantRsa;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([("out_trade_no", self.out_trade_no.as_str())])
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([("mchid", self.mchid.as_str())])
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.out_trade_no = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Path,
                    "out_trade_no",
                    &[],
                )?;
                self.mchid = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Query,
                    "mchid",
                    &[],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// The order.
            pub data: Order,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: Order) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator.nested("data", &self.data);
            }
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: <Order as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
        /// A standard payment order as the order query returns it.
        ///
        /// Build it from [`OrderInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Order {
            /// The mini program appid, as given when the order was placed.
            ///
            /// Wire: `app_id`.
            pub app_id: ::std::string::String,
            /// The merchant ID, as given when the order was placed.
            ///
            /// Wire: `mchid`.
            pub mchid: ::std::string::String,
            /// The merchant order number, as given when the order was placed.
            ///
            /// Wire: `out_trade_no`.
            pub out_trade_no: ::std::string::String,
            /// The unique identifier of the order in the superapp's payment, returned once the order is paid.
            ///
            /// Wire: `transaction_id`.
            pub transaction_id: ::std::string::String,
            /// The transaction type of the order: `JSAPI` is mini program payment.
            ///
            /// Wire: `trade_type`; optional; one of `JSAPI`.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub trade_type: ::std::option::Option<TradeType>,
            /// The transaction state: `SUCCESS` paid, `REFUND` refund in process, `NOTPAY` not paid, `CLOSED` closed, `REVOKED` revoked, `USERPAYING` payment in process, `PAYERROR` payment failed.
            ///
            /// Wire: `trade_state`; one of `SUCCESS`, `REFUND`, `NOTPAY`, `CLOSED`, `REVOKED`, `USERPAYING`, `PAYERROR`.
            pub trade_state: TradeState,
            /// A detailed description of the transaction state.
            ///
            /// Wire: `trade_state_desc`.
            pub trade_state_desc: ::std::string::String,
            /// The user's payment method as `bankCode_type` (`DEBIT` for a debit card, `CREDIT` for a credit card); returned once the order is paid.
            ///
            /// Wire: `bank_type`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub bank_type: ::std::option::Option<::std::string::String>,
            /// The time the user completed the payment, in RFC 3339 form `YYYY-MM-DDTHH:mm:ss+TIMEZONE`; returned once the order is paid.
            ///
            /// Wire: `success_time`; optional; an RFC 3339 date-time.
            ///
            /// Example: `2015-05-20T13:29:35+08:00`.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub success_time: ::std::option::Option<::std::string::String>,
            /// The payer, carrying the superapp user ID; returned once the order is paid.
            ///
            /// Wire: `payer`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub payer: ::std::option::Option<::sas_core::types::StringOr<Payer>>,
            /// The order amount.
            ///
            /// Wire: `amount`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub amount: ::std::option::Option<OrderAmount>,
        }
        /// The required fields of a [`Order`], by name: `Order::from(OrderInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Order` afterwards.
        pub struct OrderInit<'a> {
            /// The mini program appid, as given when the order was placed.
            pub app_id: &'a str,
            /// The merchant ID, as given when the order was placed.
            pub mchid: &'a str,
            /// The merchant order number, as given when the order was placed.
            pub out_trade_no: &'a str,
            /// The unique identifier of the order in the superapp's payment, returned once the order is paid.
            pub transaction_id: &'a str,
            /// The transaction state: `SUCCESS` paid, `REFUND` refund in process, `NOTPAY` not paid, `CLOSED` closed, `REVOKED` revoked, `USERPAYING` payment in process, `PAYERROR` payment failed.
            pub trade_state: TradeState,
            /// A detailed description of the transaction state.
            pub trade_state_desc: &'a str,
        }
        impl ::std::convert::From<OrderInit<'_>> for Order {
            fn from(init: OrderInit<'_>) -> Self {
                let OrderInit {
                    app_id,
                    mchid,
                    out_trade_no,
                    transaction_id,
                    trade_state,
                    trade_state_desc,
                } = init;
                Self {
                    app_id: app_id.to_owned(),
                    mchid: mchid.to_owned(),
                    out_trade_no: out_trade_no.to_owned(),
                    transaction_id: transaction_id.to_owned(),
                    trade_type: ::std::option::Option::None,
                    trade_state,
                    trade_state_desc: trade_state_desc.to_owned(),
                    bank_type: ::std::option::Option::None,
                    success_time: ::std::option::Option::None,
                    payer: ::std::option::Option::None,
                    amount: ::std::option::Option::None,
                }
            }
        }
        impl ::std::fmt::Debug for Order {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Order")
                    .field("app_id", &self.app_id)
                    .field("mchid", &self.mchid)
                    .field("out_trade_no", &self.out_trade_no)
                    .field("transaction_id", &self.transaction_id)
                    .field("trade_type", &self.trade_type)
                    .field("trade_state", &self.trade_state)
                    .field("trade_state_desc", &self.trade_state_desc)
                    .field("bank_type", &self.bank_type)
                    .field("success_time", &self.success_time)
                    .field("payer", &self.payer)
                    .field("amount", &self.amount)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Order {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                if let ::std::option::Option::Some(value) = &self.trade_type {
                    validator
                        .string(
                            "trade_type",
                            value.as_str(),
                            &::sas_core::validate::StrRules {
                                min_len: ::std::option::Option::None,
                                max_len: ::std::option::Option::None,
                                charset: &[],
                                values: &["JSAPI"],
                                format: ::std::option::Option::None,
                            },
                        );
                }
                validator
                    .string(
                        "trade_state",
                        self.trade_state.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[
                                "SUCCESS",
                                "REFUND",
                                "NOTPAY",
                                "CLOSED",
                                "REVOKED",
                                "USERPAYING",
                                "PAYERROR",
                            ],
                            format: ::std::option::Option::None,
                        },
                    );
                if let ::std::option::Option::Some(value) = &self.success_time {
                    validator
                        .string(
                            "success_time",
                            value.as_str(),
                            &::sas_core::validate::StrRules {
                                min_len: ::std::option::Option::None,
                                max_len: ::std::option::Option::None,
                                charset: &[],
                                values: &[],
                                format: ::std::option::Option::Some(
                                    ::sas_core::validate::Format::Rfc3339,
                                ),
                            },
                        );
                }
                validator.nested("payer", &self.payer);
                validator.nested("amount", &self.amount);
            }
        }
        impl ::sas_core::endpoint::Example for Order {
            fn example() -> Self {
                Self {
                    app_id: ::std::string::String::from("example-app_id"),
                    mchid: ::std::string::String::from("example-mchid"),
                    out_trade_no: ::std::string::String::from("example-out_trade_no"),
                    transaction_id: ::std::string::String::from(
                        "example-transaction_id",
                    ),
                    trade_type: ::std::option::Option::Some(TradeType::from("JSAPI")),
                    trade_state: TradeState::from("SUCCESS"),
                    trade_state_desc: ::std::string::String::from(
                        "example-trade_state_desc",
                    ),
                    bank_type: ::std::option::Option::Some(
                        ::std::string::String::from("example-bank_type"),
                    ),
                    success_time: ::std::option::Option::Some(
                        ::std::string::String::from("2026-01-02T03:04:05+08:00"),
                    ),
                    payer: ::std::option::Option::Some(
                        ::sas_core::types::StringOr::Object(
                            <Payer as ::sas_core::endpoint::Example>::example(),
                        ),
                    ),
                    amount: ::std::option::Option::Some(
                        <OrderAmount as ::sas_core::endpoint::Example>::example(),
                    ),
                }
            }
        }
        /// The payer of an order.
        ///
        /// Build it with `Payer::new()` (or `Default`) and set the fields you need.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Payer {
            /// The payer's identifier.
            ///
            /// Wire: `openid`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub openid: ::std::option::Option<::std::string::String>,
        }
        impl Payer {
            /// Builds the `Payer` with every field empty or at its spec default.
            pub fn new() -> Self {
                Self {
                    openid: ::std::option::Option::None,
                }
            }
        }
        impl ::std::default::Default for Payer {
            fn default() -> Self {
                Self::new()
            }
        }
        impl ::std::fmt::Debug for Payer {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Payer").field("openid", &self.openid).finish()
            }
        }
        impl ::sas_core::validate::Validate for Payer {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for Payer {
            fn example() -> Self {
                Self {
                    openid: ::std::option::Option::Some(
                        ::std::string::String::from("example-openid"),
                    ),
                }
            }
        }
        /// The amount of a queried order; the vendor types every field as a string, the amounts holding cents.
        ///
        /// Build it with `OrderAmount::new()` (or `Default`) and set the fields you need.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct OrderAmount {
            /// The total order amount, in cents.
            ///
            /// Wire: `total`; optional; a decimal integer sent as a string; in cents.
            #[serde(with = "::sas_core::__private::lenient::opt_int_string")]
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub total: ::std::option::Option<i64>,
            /// The amount the user actually paid, in cents.
            ///
            /// Wire: `payer_total`; optional; a decimal integer sent as a string; in cents.
            #[serde(with = "::sas_core::__private::lenient::opt_int_string")]
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub payer_total: ::std::option::Option<i64>,
            /// The currency.
            ///
            /// Wire: `currency`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub currency: ::std::option::Option<::std::string::String>,
            /// The currency the user paid in.
            ///
            /// Wire: `payer_currency`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub payer_currency: ::std::option::Option<::std::string::String>,
        }
        impl OrderAmount {
            /// Builds the `OrderAmount` with every field empty or at its spec default.
            pub fn new() -> Self {
                Self {
                    total: ::std::option::Option::None,
                    payer_total: ::std::option::Option::None,
                    currency: ::std::option::Option::None,
                    payer_currency: ::std::option::Option::None,
                }
            }
        }
        impl ::std::default::Default for OrderAmount {
            fn default() -> Self {
                Self::new()
            }
        }
        impl ::std::fmt::Debug for OrderAmount {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("OrderAmount")
                    .field("total", &self.total)
                    .field("payer_total", &self.payer_total)
                    .field("currency", &self.currency)
                    .field("payer_currency", &self.payer_currency)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for OrderAmount {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for OrderAmount {
            fn example() -> Self {
                Self {
                    total: ::std::option::Option::Some(100i64),
                    payer_total: ::std::option::Option::Some(100i64),
                    currency: ::std::option::Option::Some(
                        ::std::string::String::from("example-currency"),
                    ),
                    payer_currency: ::std::option::Option::Some(
                        ::std::string::String::from("example-payer_currency"),
                    ),
                }
            }
        }
        /// The values of `trade_type`: `JSAPI`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`TradeType::as_str`] gives it back and [`TradeType::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum TradeType {
            /// `JSAPI`.
            Jsapi,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl TradeType {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Jsapi => "JSAPI",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for TradeType {
            fn from(value: &str) -> Self {
                match value {
                    "JSAPI" => Self::Jsapi,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for TradeType {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for TradeType {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for TradeType {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for TradeType {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
        /// The values of `trade_state`: `SUCCESS`, `REFUND`, `NOTPAY`, `CLOSED`, `REVOKED`, `USERPAYING`, `PAYERROR`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`TradeState::as_str`] gives it back and [`TradeState::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum TradeState {
            /// `SUCCESS`.
            Success,
            /// `REFUND`.
            Refund,
            /// `NOTPAY`.
            Notpay,
            /// `CLOSED`.
            Closed,
            /// `REVOKED`.
            Revoked,
            /// `USERPAYING`.
            Userpaying,
            /// `PAYERROR`.
            Payerror,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl TradeState {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Success => "SUCCESS",
                    Self::Refund => "REFUND",
                    Self::Notpay => "NOTPAY",
                    Self::Closed => "CLOSED",
                    Self::Revoked => "REVOKED",
                    Self::Userpaying => "USERPAYING",
                    Self::Payerror => "PAYERROR",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for TradeState {
            fn from(value: &str) -> Self {
                match value {
                    "SUCCESS" => Self::Success,
                    "REFUND" => Self::Refund,
                    "NOTPAY" => Self::Notpay,
                    "CLOSED" => Self::Closed,
                    "REVOKED" => Self::Revoked,
                    "USERPAYING" => Self::Userpaying,
                    "PAYERROR" => Self::Payerror,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for TradeState {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for TradeState {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for TradeState {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for TradeState {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
    }
    /// `POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close`: Closes an unpaid standard (JSAPI) payment order by the merchant order number.
    ///
    /// [API List 2.4, "Close an order"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by a merchant backend, through SAS; authenticated by `merchant_rsa`.
    ///
    /// The merchant signs the request with its merchant API private key: `Authorization` carries mchid, nonce, timestamp, serial and a SHA256withRSA signature over `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`.
    pub mod close_order {
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "2.4",
            title: "Close an order",
            summary: "Closes an unpaid standard (JSAPI) payment order by the merchant order number.",
            group: "payment",
            module: "close_order",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::Some(
                "/v3/pay/transactions/out-trade-no/{out_trade_no}/close",
            ),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Merchant,
            auth: ::sas_core::endpoint::AuthKind::MerchantRsa,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::None,
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "Authorization",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            path_params: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "out_trade_no",
                    rust_name: "out_trade_no",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "mchid",
                    rust_name: "mchid",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it with [`Request::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The merchant order number of the order to close.
            ///
            /// Wire: path parameter `{out_trade_no}`; 6 to 32 characters; characters from `0-9A-Za-z_|*-`.
            #[serde(skip)]
            pub out_trade_no: ::std::string::String,
            /// The merchant ID, as given when the order was placed.
            ///
            /// Wire: body field `mchid`.
            pub mchid: ::std::string::String,
        }
        impl Request {
            /// Builds the `Request` from its required fields; the others start empty or at their spec default.
            pub fn new(
                out_trade_no: impl ::std::convert::Into<::std::string::String>,
                mchid: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self {
                    out_trade_no: out_trade_no.into(),
                    mchid: mchid.into(),
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("out_trade_no", &self.out_trade_no)
                    .field("mchid", &self.mchid)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "out_trade_no",
                        self.out_trade_no.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::Some(6u32),
                            max_len: ::std::option::Option::Some(32u32),
                            charset: &[
                                ('0', '9'),
                                ('A', 'Z'),
                                ('a', 'z'),
                                ('_', '_'),
                                ('|', '|'),
                                ('*', '*'),
                                ('-', '-'),
                            ],
                            values: &[],
                            format: ::std::option::Option::None,
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    out_trade_no: ::std::string::String::from("example-out_trade_no"),
                    mchid: ::std::string::String::from("example-mchid"),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "mchid" => ::std::option::Option::Some(self.mchid.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::MerchantRsa;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([("out_trade_no", self.out_trade_no.as_str())])
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.out_trade_no = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Path,
                    "out_trade_no",
                    &[],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// `OK` when the order was closed.
            ///
            /// One of `OK`.
            pub data: ::std::string::String,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: ::std::string::String) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: ::std::string::String::from("OK"),
                }
            }
        }
    }
}
/// Virtual payment (API List 3.1–4.2): virtual-item orders from mini games and mini programs, and their result callbacks.
pub mod virtual_payment {
    /// `POST /requestMidasPaymentGameItem`: Creates a virtual-item payment order for a mini game.
    ///
    /// [API List 3.1, "Create a virtual payment order in the mini game"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by a merchant backend, through SAS; authenticated by `pay_sig`.
    ///
    /// The developer backend signs a virtual-payment order with the superapp's AppKey: body `PaySig` = hex HMAC-SHA256(AppKey, prefix + "&" + SignData), over the `SignData` string exactly as sent.
    ///
    /// The superapp reports the result with the callback [`crate::api::virtual_payment::mini_game_payment_notification`] (3.2).
    pub mod create_mini_game_order {
        pub use super::super::common::Prepay;
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "3.1",
            title: "Create a virtual payment order in the mini game",
            summary: "Creates a virtual-item payment order for a mini game.",
            group: "virtual_payment",
            module: "create_mini_game_order",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::Some("/requestMidasPaymentGameItem"),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Merchant,
            auth: ::sas_core::endpoint::AuthKind::PaySig,
            sign_prefix: ::std::option::Option::Some("requestMidasPaymentGameItem"),
            triggers: ::std::option::Option::Some("3.2"),
            callback_of: ::std::option::Option::None,
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Payment-Callback",
                    rust_name: "payment_callback",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-UserID",
                    rust_name: "user_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-ApplicationID",
                    rust_name: "application_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["X-TC-ApplicationId"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-MerchantID",
                    rust_name: "merchant_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["TC-MerchantId"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Platform-UserID",
                    rust_name: "platform_user_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["TC-Platform-UserId"],
                    secret: false,
                    encrypted: false,
                },
            ],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "SignData",
                    rust_name: "sign_data",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "PaySig",
                    rust_name: "pay_sig",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "AppId",
                    rust_name: "app_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "MiniAppId",
                    rust_name: "mini_app_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "GoodsName",
                    rust_name: "goods_name",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "OrderSource",
                    rust_name: "order_source",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "Event",
                    rust_name: "event",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it from [`RequestInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The callback URL of a successful or failed payment: the superapp POSTs the payment result there.
            ///
            /// Wire: header `TC-Payment-Callback`; an absolute URL.
            #[serde(skip)]
            pub payment_callback: ::std::string::String,
            /// The superapp user login ID.
            ///
            /// Wire: header `TC-UserID`.
            #[serde(skip)]
            pub user_id: ::std::string::String,
            /// The superapp ID on SAS.
            ///
            /// Wire: header `TC-ApplicationID`; also accepted as `X-TC-ApplicationId`.
            #[serde(skip)]
            pub application_id: ::std::string::String,
            /// The merchant ID bound to the mini program's superapp on SAS.
            ///
            /// Wire: header `TC-MerchantID`; also accepted as `TC-MerchantId`.
            #[serde(skip)]
            pub merchant_id: ::std::string::String,
            /// The user's openid on SAS.
            ///
            /// Wire: header `TC-Platform-UserID`; also accepted as `TC-Platform-UserId`.
            #[serde(skip)]
            pub platform_user_id: ::std::string::String,
            /// The original payment string: the payment parameters as a JSON document carried in a string. `PaySig` signs this string exactly as sent.
            ///
            /// Wire: body field `SignData`; a JSON `SignData` document inside a string.
            ///
            /// Example: `{"mode":"goods","offerId":"123","buyQuantity":1,"env":0,"currencyType":"USD","productId":"testproductId","goodsPrice":10,"outTradeNo":"xxxxxx","attach":"testdata"}`.
            #[serde(rename = "SignData")]
            pub sign_data: ::sas_core::types::JsonString<SignData>,
            /// The payment signature, lowercase hex of HMAC-SHA256 under the AppKey obtained from the superapp over `requestMidasPaymentGameItem&` followed by `SignData`; it shows that the developer's server-side payment module initiated the request.
            ///
            /// Wire: body field `PaySig`; computed by the signer.
            #[serde(rename = "PaySig")]
            #[serde(default)]
            pub pay_sig: ::std::string::String,
            /// The superapp ID on SAS.
            ///
            /// Wire: body field `AppId`.
            #[serde(rename = "AppId")]
            pub app_id: ::std::string::String,
            /// The mini game appid on SAS.
            ///
            /// Wire: body field `MiniAppId`.
            #[serde(rename = "MiniAppId")]
            pub mini_app_id: ::std::string::String,
            /// The name of the purchased game item.
            ///
            /// Wire: body field `GoodsName`.
            #[serde(rename = "GoodsName")]
            pub goods_name: ::std::string::String,
            /// The order source: 1 for an in-game order.
            ///
            /// Wire: body field `OrderSource`.
            #[serde(rename = "OrderSource")]
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub order_source: i64,
            /// The event type; when `OrderSource` is 1 it is always `minigame_game_pay_goods_deliver_notify`. The payment callback carries it back and signs with it.
            ///
            /// Wire: body field `Event`; starts as `minigame_game_pay_goods_deliver_notify`.
            #[serde(rename = "Event")]
            pub event: ::std::string::String,
        }
        /// The required fields of a [`Request`], by name: `Request::from(RequestInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Request` afterwards.
        pub struct RequestInit<'a> {
            /// The callback URL of a successful or failed payment: the superapp POSTs the payment result there.
            pub payment_callback: &'a str,
            /// The superapp user login ID.
            pub user_id: &'a str,
            /// The superapp ID on SAS.
            pub application_id: &'a str,
            /// The merchant ID bound to the mini program's superapp on SAS.
            pub merchant_id: &'a str,
            /// The user's openid on SAS.
            pub platform_user_id: &'a str,
            /// The original payment string: the payment parameters as a JSON document carried in a string. `PaySig` signs this string exactly as sent.
            pub sign_data: ::sas_core::types::JsonString<SignData>,
            /// The superapp ID on SAS.
            pub app_id: &'a str,
            /// The mini game appid on SAS.
            pub mini_app_id: &'a str,
            /// The name of the purchased game item.
            pub goods_name: &'a str,
            /// The order source: 1 for an in-game order.
            pub order_source: i64,
        }
        impl ::std::convert::From<RequestInit<'_>> for Request {
            fn from(init: RequestInit<'_>) -> Self {
                let RequestInit {
                    payment_callback,
                    user_id,
                    application_id,
                    merchant_id,
                    platform_user_id,
                    sign_data,
                    app_id,
                    mini_app_id,
                    goods_name,
                    order_source,
                } = init;
                Self {
                    payment_callback: payment_callback.to_owned(),
                    user_id: user_id.to_owned(),
                    application_id: application_id.to_owned(),
                    merchant_id: merchant_id.to_owned(),
                    platform_user_id: platform_user_id.to_owned(),
                    sign_data,
                    pay_sig: ::std::string::String::new(),
                    app_id: app_id.to_owned(),
                    mini_app_id: mini_app_id.to_owned(),
                    goods_name: goods_name.to_owned(),
                    order_source,
                    event: ::std::string::String::from(
                        "minigame_game_pay_goods_deliver_notify",
                    ),
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("payment_callback", &self.payment_callback)
                    .field("user_id", &self.user_id)
                    .field("application_id", &self.application_id)
                    .field("merchant_id", &self.merchant_id)
                    .field("platform_user_id", &self.platform_user_id)
                    .field("sign_data", &self.sign_data)
                    .field("pay_sig", &self.pay_sig)
                    .field("app_id", &self.app_id)
                    .field("mini_app_id", &self.mini_app_id)
                    .field("goods_name", &self.goods_name)
                    .field("order_source", &self.order_source)
                    .field("event", &self.event)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "TC-Payment-Callback",
                        self.payment_callback.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[],
                            format: ::std::option::Option::Some(
                                ::sas_core::validate::Format::Url,
                            ),
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    payment_callback: ::std::string::String::from(
                        "https://merchant.example/sas/notify",
                    ),
                    user_id: ::std::string::String::from("example-TC-UserID"),
                    application_id: ::std::string::String::from(
                        "example-TC-ApplicationID",
                    ),
                    merchant_id: ::std::string::String::from("example-TC-MerchantID"),
                    platform_user_id: ::std::string::String::from(
                        "example-TC-Platform-UserID",
                    ),
                    sign_data: ::sas_core::__private::example_document::<SignData>(),
                    pay_sig: ::std::string::String::new(),
                    app_id: ::std::string::String::from("example-AppId"),
                    mini_app_id: ::std::string::String::from("example-MiniAppId"),
                    goods_name: ::std::string::String::from("example-GoodsName"),
                    order_source: 1i64,
                    event: ::std::string::String::from(
                        "minigame_game_pay_goods_deliver_notify",
                    ),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "SignData" => ::std::option::Option::Some(self.sign_data.as_str()),
                    "PaySig" => ::std::option::Option::Some(self.pay_sig.as_str()),
                    "AppId" => ::std::option::Option::Some(self.app_id.as_str()),
                    "MiniAppId" => ::std::option::Option::Some(self.mini_app_id.as_str()),
                    "GoodsName" => ::std::option::Option::Some(self.goods_name.as_str()),
                    "Event" => ::std::option::Option::Some(self.event.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                name: &str,
                value: ::std::string::String,
            ) -> bool {
                match name {
                    "PaySig" => {
                        self.pay_sig = value;
                        true
                    }
                    _ => false,
                }
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::PaySig;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([
                    ("TC-Payment-Callback", self.payment_callback.as_str()),
                    ("TC-UserID", self.user_id.as_str()),
                    ("TC-ApplicationID", self.application_id.as_str()),
                    ("TC-MerchantID", self.merchant_id.as_str()),
                    ("TC-Platform-UserID", self.platform_user_id.as_str()),
                ])
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.payment_callback = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-Payment-Callback",
                    &[],
                )?;
                self.user_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-UserID",
                    &[],
                )?;
                self.application_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-ApplicationID",
                    &["X-TC-ApplicationId"],
                )?;
                self.merchant_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-MerchantID",
                    &["TC-MerchantId"],
                )?;
                self.platform_user_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-Platform-UserID",
                    &["TC-Platform-UserId"],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// The created order.
            pub data: Prepay,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: Prepay) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator.nested("data", &self.data);
            }
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: <Prepay as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
        /// The payment parameters of a mini game virtual payment order, carried as a JSON string in `SignData`.
        ///
        /// Build it from [`SignDataInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct SignData {
            /// The purchase mode; the vendor's example sends `goods`.
            ///
            /// Wire: `mode`; optional.
            ///
            /// Example: `goods`.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub mode: ::std::option::Option<::std::string::String>,
            /// The merchant's offer ID (the front-end API calls it the merchant ID).
            ///
            /// Wire: `offerId`; optional.
            ///
            /// Example: `123`.
            #[serde(rename = "offerId")]
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub offer_id: ::std::option::Option<::std::string::String>,
            /// The purchase quantity.
            ///
            /// Wire: `buyQuantity`.
            #[serde(rename = "buyQuantity")]
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub buy_quantity: i64,
            /// The environment; the vendor's example sends 0.
            ///
            /// Wire: `env`; optional.
            ///
            /// Example: `0`.
            #[serde(with = "::sas_core::__private::lenient::opt_int")]
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub env: ::std::option::Option<i64>,
            /// The currency, a three-letter ISO 4217 code.
            ///
            /// Wire: `currencyType`; an ISO 4217 currency code.
            #[serde(rename = "currencyType")]
            pub currency_type: ::std::string::String,
            /// The virtual item ID.
            ///
            /// Wire: `productId`.
            #[serde(rename = "productId")]
            pub product_id: ::std::string::String,
            /// The unit price of the item, in cents.
            ///
            /// Wire: `goodsPrice`; in cents.
            #[serde(rename = "goodsPrice")]
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub goods_price: i64,
            /// The order number inside the merchant system: 6 to 32 digits, letters or `_-|*`, unique under the merchant ID.
            ///
            /// Wire: `outTradeNo`; 6 to 32 characters; characters from `0-9A-Za-z_|*-`.
            #[serde(rename = "outTradeNo")]
            pub out_trade_no: ::std::string::String,
            /// Pass-through data, returned in the payment callback.
            ///
            /// Wire: `attach`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub attach: ::std::option::Option<::std::string::String>,
        }
        /// The required fields of a [`SignData`], by name: `SignData::from(SignDataInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `SignData` afterwards.
        pub struct SignDataInit<'a> {
            /// The purchase quantity.
            pub buy_quantity: i64,
            /// The currency, a three-letter ISO 4217 code.
            pub currency_type: &'a str,
            /// The virtual item ID.
            pub product_id: &'a str,
            /// The unit price of the item, in cents.
            pub goods_price: i64,
            /// The order number inside the merchant system: 6 to 32 digits, letters or `_-|*`, unique under the merchant ID.
            pub out_trade_no: &'a str,
        }
        impl ::std::convert::From<SignDataInit<'_>> for SignData {
            fn from(init: SignDataInit<'_>) -> Self {
                let SignDataInit {
                    buy_quantity,
                    currency_type,
                    product_id,
                    goods_price,
                    out_trade_no,
                } = init;
                Self {
                    mode: ::std::option::Option::None,
                    offer_id: ::std::option::Option::None,
                    buy_quantity,
                    env: ::std::option::Option::None,
                    currency_type: currency_type.to_owned(),
                    product_id: product_id.to_owned(),
                    goods_price,
                    out_trade_no: out_trade_no.to_owned(),
                    attach: ::std::option::Option::None,
                }
            }
        }
        impl ::std::fmt::Debug for SignData {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("SignData")
                    .field("mode", &self.mode)
                    .field("offer_id", &self.offer_id)
                    .field("buy_quantity", &self.buy_quantity)
                    .field("env", &self.env)
                    .field("currency_type", &self.currency_type)
                    .field("product_id", &self.product_id)
                    .field("goods_price", &self.goods_price)
                    .field("out_trade_no", &self.out_trade_no)
                    .field("attach", &self.attach)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for SignData {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "currencyType",
                        self.currency_type.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[],
                            format: ::std::option::Option::Some(
                                ::sas_core::validate::Format::Currency,
                            ),
                        },
                    );
                validator
                    .string(
                        "outTradeNo",
                        self.out_trade_no.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::Some(6u32),
                            max_len: ::std::option::Option::Some(32u32),
                            charset: &[
                                ('0', '9'),
                                ('A', 'Z'),
                                ('a', 'z'),
                                ('_', '_'),
                                ('|', '|'),
                                ('*', '*'),
                                ('-', '-'),
                            ],
                            values: &[],
                            format: ::std::option::Option::None,
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for SignData {
            fn example() -> Self {
                Self {
                    mode: ::std::option::Option::Some(
                        ::std::string::String::from("goods"),
                    ),
                    offer_id: ::std::option::Option::Some(
                        ::std::string::String::from("123"),
                    ),
                    buy_quantity: 1i64,
                    env: ::std::option::Option::Some(0i64),
                    currency_type: ::std::string::String::from("USD"),
                    product_id: ::std::string::String::from("example-productId"),
                    goods_price: 100i64,
                    out_trade_no: ::std::string::String::from("example-outTradeNo"),
                    attach: ::std::option::Option::Some(
                        ::std::string::String::from("example-attach"),
                    ),
                }
            }
        }
    }
    /// `POST` to the `TC-Payment-Callback` URL of 3.1: The superapp tells the mini game's merchant the result of a virtual payment, POSTing to the order's TC-Payment-Callback URL.
    ///
    /// [API List 3.2, "Mini game payment callback"](https://www.tencentcloud.com/document/product/1219/67644). Served by the owner of the callback URL; sent by the superapp backend; authenticated by `virtual_callback`.
    ///
    /// The superapp signs a virtual payment or refund callback: `TC-Timestamp` with `TC-Signature` for SAS, and the body's event signature = hex HMAC-SHA256(AppKey, event + "&" + payload), over the payload string exactly as sent.
    pub mod mini_game_payment_notification {
        pub use super::super::common::GoodsInfo;
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "3.2",
            title: "Mini game payment callback",
            summary: "The superapp tells the mini game's merchant the result of a virtual payment, POSTing to the order's TC-Payment-Callback URL.",
            group: "virtual_payment",
            module: "mini_game_payment_notification",
            kind: ::sas_core::endpoint::EntryKind::Callback,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::None,
            served_by: ::sas_core::endpoint::ServedBy::CallbackUrl,
            caller: ::sas_core::endpoint::Caller::Superapp,
            auth: ::sas_core::endpoint::AuthKind::VirtualCallback,
            sign_prefix: ::std::option::Option::Some("{Event}"),
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::Some("3.1"),
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-ApplicationID",
                    rust_name: "application_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["X-TC-ApplicationId"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Signature",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &["X-TC-Signature"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Timestamp",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "EventType",
                    rust_name: "event_type",
                    required: true,
                    set_by_auth: false,
                    aliases: &["eventType"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "Event",
                    rust_name: "event",
                    required: true,
                    set_by_auth: false,
                    aliases: &["event"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "PayModel",
                    rust_name: "pay_model",
                    required: true,
                    set_by_auth: false,
                    aliases: &["payModel"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "Payload",
                    rust_name: "payload",
                    required: true,
                    set_by_auth: false,
                    aliases: &["payload"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "PayEventSig",
                    rust_name: "pay_event_sig",
                    required: true,
                    set_by_auth: true,
                    aliases: &["payEventSig"],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The callback as the superapp delivers it: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it from [`RequestInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The superapp ID on SAS.
            ///
            /// Wire: header `TC-ApplicationID`; also accepted as `X-TC-ApplicationId`.
            #[serde(skip)]
            pub application_id: ::std::string::String,
            /// The message type: `TRANSACTION.SUCCESS` for a successful payment, `TRANSACTION.PAYERROR` for a failed one.
            ///
            /// Wire: body field `EventType`; also accepted as `eventType`; one of `TRANSACTION.SUCCESS`, `TRANSACTION.PAYERROR`.
            #[serde(rename = "EventType")]
            #[serde(alias = "eventType")]
            pub event_type: EventType,
            /// The `Event` given when the order was created; it prefixes the signed message of `PayEventSig`.
            ///
            /// Wire: body field `Event`; also accepted as `event`.
            #[serde(rename = "Event")]
            #[serde(alias = "event")]
            pub event: ::std::string::String,
            /// The payment method: wallet, bank card or third party (`Wallet`, `Bankcard`, `Third` in the Chinese table).
            ///
            /// Wire: body field `PayModel`; also accepted as `payModel`.
            #[serde(rename = "PayModel")]
            #[serde(alias = "payModel")]
            pub pay_model: ::std::string::String,
            /// The details, as a JSON document carried in a string so that the whole message content is signed uniformly; `PayEventSig` signs this string exactly as sent.
            ///
            /// Wire: body field `Payload`; also accepted as `payload`; a JSON `Payload` document inside a string.
            #[serde(rename = "Payload")]
            #[serde(alias = "payload")]
            pub payload: ::sas_core::types::JsonString<Payload>,
            /// The payment signature: lowercase hex of HMAC-SHA256 under the AppKey over `Event` + `&` + `Payload` (see Virtual payment callback signature).
            ///
            /// Wire: body field `PayEventSig`; also accepted as `payEventSig`; computed by the signer.
            #[serde(rename = "PayEventSig")]
            #[serde(alias = "payEventSig")]
            #[serde(default)]
            pub pay_event_sig: ::std::string::String,
        }
        /// The required fields of a [`Request`], by name: `Request::from(RequestInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Request` afterwards.
        pub struct RequestInit<'a> {
            /// The superapp ID on SAS.
            pub application_id: &'a str,
            /// The message type: `TRANSACTION.SUCCESS` for a successful payment, `TRANSACTION.PAYERROR` for a failed one.
            pub event_type: EventType,
            /// The `Event` given when the order was created; it prefixes the signed message of `PayEventSig`.
            pub event: &'a str,
            /// The payment method: wallet, bank card or third party (`Wallet`, `Bankcard`, `Third` in the Chinese table).
            pub pay_model: &'a str,
            /// The details, as a JSON document carried in a string so that the whole message content is signed uniformly; `PayEventSig` signs this string exactly as sent.
            pub payload: ::sas_core::types::JsonString<Payload>,
        }
        impl ::std::convert::From<RequestInit<'_>> for Request {
            fn from(init: RequestInit<'_>) -> Self {
                let RequestInit {
                    application_id,
                    event_type,
                    event,
                    pay_model,
                    payload,
                } = init;
                Self {
                    application_id: application_id.to_owned(),
                    event_type,
                    event: event.to_owned(),
                    pay_model: pay_model.to_owned(),
                    payload,
                    pay_event_sig: ::std::string::String::new(),
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("application_id", &self.application_id)
                    .field("event_type", &self.event_type)
                    .field("event", &self.event)
                    .field("pay_model", &self.pay_model)
                    .field("payload", &self.payload)
                    .field("pay_event_sig", &self.pay_event_sig)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "EventType",
                        self.event_type.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &["TRANSACTION.SUCCESS", "TRANSACTION.PAYERROR"],
                            format: ::std::option::Option::None,
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    application_id: ::std::string::String::from(
                        "example-TC-ApplicationID",
                    ),
                    event_type: EventType::from("TRANSACTION.SUCCESS"),
                    event: ::std::string::String::from("example-Event"),
                    pay_model: ::std::string::String::from("example-PayModel"),
                    payload: ::sas_core::__private::example_document::<Payload>(),
                    pay_event_sig: ::std::string::String::new(),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "EventType" => ::std::option::Option::Some(self.event_type.as_str()),
                    "Event" => ::std::option::Option::Some(self.event.as_str()),
                    "PayModel" => ::std::option::Option::Some(self.pay_model.as_str()),
                    "Payload" => ::std::option::Option::Some(self.payload.as_str()),
                    "PayEventSig" => {
                        ::std::option::Option::Some(self.pay_event_sig.as_str())
                    }
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                name: &str,
                value: ::std::string::String,
            ) -> bool {
                match name {
                    "PayEventSig" => {
                        self.pay_event_sig = value;
                        true
                    }
                    _ => false,
                }
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::VirtualCallback;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([
                    ("TC-ApplicationID", self.application_id.as_str()),
                ])
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.application_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-ApplicationID",
                    &["X-TC-ApplicationId"],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        impl ::sas_core::callback::PayloadCallback for Request {
            type Payload = Payload;
            fn payload(&self) -> &::sas_core::types::JsonString<Payload> {
                &self.payload
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// `OK` when the notification was accepted.
            ///
            /// One of `OK`.
            pub data: ::std::string::String,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: ::std::string::String) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: ::std::string::String::from("OK"),
                }
            }
        }
        /// The details of a mini game payment callback, carried as a JSON string in `Payload`.
        ///
        /// Build it from [`PayloadInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Payload {
            /// The user's OpenID.
            ///
            /// Wire: `OpenId`.
            #[serde(rename = "OpenId")]
            pub open_id: ::std::string::String,
            /// The merchant order number.
            ///
            /// Wire: `OutTradeNo`.
            #[serde(rename = "OutTradeNo")]
            pub out_trade_no: ::std::string::String,
            /// The virtual item delivered.
            ///
            /// Wire: `GoodsInfo`.
            #[serde(rename = "GoodsInfo")]
            pub goods_info: GoodsInfo,
            /// The payment transaction ID.
            ///
            /// Wire: `TransactionId`.
            #[serde(rename = "TransactionId")]
            pub transaction_id: ::std::string::String,
        }
        /// The required fields of a [`Payload`], by name: `Payload::from(PayloadInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Payload` afterwards.
        pub struct PayloadInit<'a> {
            /// The user's OpenID.
            pub open_id: &'a str,
            /// The merchant order number.
            pub out_trade_no: &'a str,
            /// The virtual item delivered.
            pub goods_info: GoodsInfo,
            /// The payment transaction ID.
            pub transaction_id: &'a str,
        }
        impl ::std::convert::From<PayloadInit<'_>> for Payload {
            fn from(init: PayloadInit<'_>) -> Self {
                let PayloadInit { open_id, out_trade_no, goods_info, transaction_id } = init;
                Self {
                    open_id: open_id.to_owned(),
                    out_trade_no: out_trade_no.to_owned(),
                    goods_info,
                    transaction_id: transaction_id.to_owned(),
                }
            }
        }
        impl ::std::fmt::Debug for Payload {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Payload")
                    .field("open_id", &self.open_id)
                    .field("out_trade_no", &self.out_trade_no)
                    .field("goods_info", &self.goods_info)
                    .field("transaction_id", &self.transaction_id)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Payload {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator.nested("GoodsInfo", &self.goods_info);
            }
        }
        impl ::sas_core::endpoint::Example for Payload {
            fn example() -> Self {
                Self {
                    open_id: ::std::string::String::from("example-OpenId"),
                    out_trade_no: ::std::string::String::from("example-OutTradeNo"),
                    goods_info: <GoodsInfo as ::sas_core::endpoint::Example>::example(),
                    transaction_id: ::std::string::String::from("example-TransactionId"),
                }
            }
        }
        /// The values of `EventType`: `TRANSACTION.SUCCESS`, `TRANSACTION.PAYERROR`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`EventType::as_str`] gives it back and [`EventType::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum EventType {
            /// `TRANSACTION.SUCCESS`.
            TransactionSuccess,
            /// `TRANSACTION.PAYERROR`.
            TransactionPayerror,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl EventType {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::TransactionSuccess => "TRANSACTION.SUCCESS",
                    Self::TransactionPayerror => "TRANSACTION.PAYERROR",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for EventType {
            fn from(value: &str) -> Self {
                match value {
                    "TRANSACTION.SUCCESS" => Self::TransactionSuccess,
                    "TRANSACTION.PAYERROR" => Self::TransactionPayerror,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for EventType {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for EventType {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for EventType {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for EventType {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
    }
    /// `POST /requestVirtualPayment`: Creates a virtual-item payment order for a mini program (short drama).
    ///
    /// [API List 4.1, "Create a virtual payment order in the mini program"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by a merchant backend, through SAS; authenticated by `pay_sig`.
    ///
    /// The developer backend signs a virtual-payment order with the superapp's AppKey: body `PaySig` = hex HMAC-SHA256(AppKey, prefix + "&" + SignData), over the `SignData` string exactly as sent.
    ///
    /// The superapp reports the result with the callback [`crate::api::virtual_payment::mini_program_payment_notification`] (4.2).
    pub mod create_mini_program_order {
        pub use super::super::common::Prepay;
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "4.1",
            title: "Create a virtual payment order in the mini program",
            summary: "Creates a virtual-item payment order for a mini program (short drama).",
            group: "virtual_payment",
            module: "create_mini_program_order",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::Some("/requestVirtualPayment"),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Merchant,
            auth: ::sas_core::endpoint::AuthKind::PaySig,
            sign_prefix: ::std::option::Option::Some("requestVirtualPayment"),
            triggers: ::std::option::Option::Some("4.2"),
            callback_of: ::std::option::Option::None,
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Payment-Callback",
                    rust_name: "payment_callback",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-UserID",
                    rust_name: "user_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-ApplicationID",
                    rust_name: "application_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["X-TC-ApplicationId"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-MerchantID",
                    rust_name: "merchant_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["TC-MerchantId"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Platform-UserID",
                    rust_name: "platform_user_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["TC-Platform-UserId"],
                    secret: false,
                    encrypted: false,
                },
            ],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "SignData",
                    rust_name: "sign_data",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "PaySig",
                    rust_name: "pay_sig",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "AppId",
                    rust_name: "app_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "MiniAppId",
                    rust_name: "mini_app_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "GoodsName",
                    rust_name: "goods_name",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "OrderSource",
                    rust_name: "order_source",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "Event",
                    rust_name: "event",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it from [`RequestInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The callback URL of a successful or failed payment: the superapp POSTs the payment result there.
            ///
            /// Wire: header `TC-Payment-Callback`; an absolute URL.
            #[serde(skip)]
            pub payment_callback: ::std::string::String,
            /// The superapp user login ID.
            ///
            /// Wire: header `TC-UserID`.
            #[serde(skip)]
            pub user_id: ::std::string::String,
            /// The superapp ID on SAS.
            ///
            /// Wire: header `TC-ApplicationID`; also accepted as `X-TC-ApplicationId`.
            #[serde(skip)]
            pub application_id: ::std::string::String,
            /// The merchant ID bound to the mini program's superapp on SAS.
            ///
            /// Wire: header `TC-MerchantID`; also accepted as `TC-MerchantId`.
            #[serde(skip)]
            pub merchant_id: ::std::string::String,
            /// The user's openid on SAS; the payment callback echoes it as `Payload.OpenId`.
            ///
            /// Wire: header `TC-Platform-UserID`; also accepted as `TC-Platform-UserId`.
            #[serde(skip)]
            pub platform_user_id: ::std::string::String,
            /// The original payment string: the payment parameters as a JSON document carried in a string. `PaySig` signs this string exactly as sent.
            ///
            /// Wire: body field `SignData`; a JSON `SignData` document inside a string.
            ///
            /// Example: `{"offerId":"123","buyQuantity":1,"env":0,"currencyType":"USD","productId":"testproductId","goodsPrice":10,"outTradeNo":"xxxxxx","attach":"testdata"}`.
            #[serde(rename = "SignData")]
            pub sign_data: ::sas_core::types::JsonString<SignData>,
            /// The payment signature, lowercase hex of HMAC-SHA256 under the AppKey obtained from the superapp over `requestVirtualPayment&` followed by `SignData`; it shows that the developer's server-side payment module initiated the request.
            ///
            /// Wire: body field `PaySig`; computed by the signer.
            #[serde(rename = "PaySig")]
            #[serde(default)]
            pub pay_sig: ::std::string::String,
            /// The superapp ID on SAS.
            ///
            /// Wire: body field `AppId`.
            #[serde(rename = "AppId")]
            pub app_id: ::std::string::String,
            /// The mini program appid on SAS.
            ///
            /// Wire: body field `MiniAppId`.
            #[serde(rename = "MiniAppId")]
            pub mini_app_id: ::std::string::String,
            /// The name of the purchased item.
            ///
            /// Wire: body field `GoodsName`.
            #[serde(rename = "GoodsName")]
            pub goods_name: ::std::string::String,
            /// The order source: 10 for an order placed within a mini program short drama.
            ///
            /// Wire: body field `OrderSource`.
            #[serde(rename = "OrderSource")]
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub order_source: i64,
            /// The event type; when `OrderSource` is 10 it is always `xpay_goods_deliver_notify`. The payment callback carries it back and signs with it.
            ///
            /// Wire: body field `Event`; starts as `xpay_goods_deliver_notify`.
            #[serde(rename = "Event")]
            pub event: ::std::string::String,
        }
        /// The required fields of a [`Request`], by name: `Request::from(RequestInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Request` afterwards.
        pub struct RequestInit<'a> {
            /// The callback URL of a successful or failed payment: the superapp POSTs the payment result there.
            pub payment_callback: &'a str,
            /// The superapp user login ID.
            pub user_id: &'a str,
            /// The superapp ID on SAS.
            pub application_id: &'a str,
            /// The merchant ID bound to the mini program's superapp on SAS.
            pub merchant_id: &'a str,
            /// The user's openid on SAS; the payment callback echoes it as `Payload.OpenId`.
            pub platform_user_id: &'a str,
            /// The original payment string: the payment parameters as a JSON document carried in a string. `PaySig` signs this string exactly as sent.
            pub sign_data: ::sas_core::types::JsonString<SignData>,
            /// The superapp ID on SAS.
            pub app_id: &'a str,
            /// The mini program appid on SAS.
            pub mini_app_id: &'a str,
            /// The name of the purchased item.
            pub goods_name: &'a str,
            /// The order source: 10 for an order placed within a mini program short drama.
            pub order_source: i64,
        }
        impl ::std::convert::From<RequestInit<'_>> for Request {
            fn from(init: RequestInit<'_>) -> Self {
                let RequestInit {
                    payment_callback,
                    user_id,
                    application_id,
                    merchant_id,
                    platform_user_id,
                    sign_data,
                    app_id,
                    mini_app_id,
                    goods_name,
                    order_source,
                } = init;
                Self {
                    payment_callback: payment_callback.to_owned(),
                    user_id: user_id.to_owned(),
                    application_id: application_id.to_owned(),
                    merchant_id: merchant_id.to_owned(),
                    platform_user_id: platform_user_id.to_owned(),
                    sign_data,
                    pay_sig: ::std::string::String::new(),
                    app_id: app_id.to_owned(),
                    mini_app_id: mini_app_id.to_owned(),
                    goods_name: goods_name.to_owned(),
                    order_source,
                    event: ::std::string::String::from("xpay_goods_deliver_notify"),
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("payment_callback", &self.payment_callback)
                    .field("user_id", &self.user_id)
                    .field("application_id", &self.application_id)
                    .field("merchant_id", &self.merchant_id)
                    .field("platform_user_id", &self.platform_user_id)
                    .field("sign_data", &self.sign_data)
                    .field("pay_sig", &self.pay_sig)
                    .field("app_id", &self.app_id)
                    .field("mini_app_id", &self.mini_app_id)
                    .field("goods_name", &self.goods_name)
                    .field("order_source", &self.order_source)
                    .field("event", &self.event)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "TC-Payment-Callback",
                        self.payment_callback.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[],
                            format: ::std::option::Option::Some(
                                ::sas_core::validate::Format::Url,
                            ),
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    payment_callback: ::std::string::String::from(
                        "https://merchant.example/sas/notify",
                    ),
                    user_id: ::std::string::String::from("example-TC-UserID"),
                    application_id: ::std::string::String::from(
                        "example-TC-ApplicationID",
                    ),
                    merchant_id: ::std::string::String::from("example-TC-MerchantID"),
                    platform_user_id: ::std::string::String::from(
                        "example-TC-Platform-UserID",
                    ),
                    sign_data: ::sas_core::__private::example_document::<SignData>(),
                    pay_sig: ::std::string::String::new(),
                    app_id: ::std::string::String::from("example-AppId"),
                    mini_app_id: ::std::string::String::from("example-MiniAppId"),
                    goods_name: ::std::string::String::from("example-GoodsName"),
                    order_source: 1i64,
                    event: ::std::string::String::from("xpay_goods_deliver_notify"),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "SignData" => ::std::option::Option::Some(self.sign_data.as_str()),
                    "PaySig" => ::std::option::Option::Some(self.pay_sig.as_str()),
                    "AppId" => ::std::option::Option::Some(self.app_id.as_str()),
                    "MiniAppId" => ::std::option::Option::Some(self.mini_app_id.as_str()),
                    "GoodsName" => ::std::option::Option::Some(self.goods_name.as_str()),
                    "Event" => ::std::option::Option::Some(self.event.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                name: &str,
                value: ::std::string::String,
            ) -> bool {
                match name {
                    "PaySig" => {
                        self.pay_sig = value;
                        true
                    }
                    _ => false,
                }
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::PaySig;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([
                    ("TC-Payment-Callback", self.payment_callback.as_str()),
                    ("TC-UserID", self.user_id.as_str()),
                    ("TC-ApplicationID", self.application_id.as_str()),
                    ("TC-MerchantID", self.merchant_id.as_str()),
                    ("TC-Platform-UserID", self.platform_user_id.as_str()),
                ])
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.payment_callback = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-Payment-Callback",
                    &[],
                )?;
                self.user_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-UserID",
                    &[],
                )?;
                self.application_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-ApplicationID",
                    &["X-TC-ApplicationId"],
                )?;
                self.merchant_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-MerchantID",
                    &["TC-MerchantId"],
                )?;
                self.platform_user_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-Platform-UserID",
                    &["TC-Platform-UserId"],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// The created order.
            pub data: Prepay,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: Prepay) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator.nested("data", &self.data);
            }
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: <Prepay as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
        /// The payment parameters of a mini program virtual payment order, carried as a JSON string in `SignData`.
        ///
        /// Build it from [`SignDataInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct SignData {
            /// The merchant's offer ID (the front-end API calls it the merchant ID).
            ///
            /// Wire: `offerId`; optional.
            ///
            /// Example: `123`.
            #[serde(rename = "offerId")]
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub offer_id: ::std::option::Option<::std::string::String>,
            /// The purchase quantity.
            ///
            /// Wire: `buyQuantity`.
            #[serde(rename = "buyQuantity")]
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub buy_quantity: i64,
            /// The environment; the vendor's example sends 0.
            ///
            /// Wire: `env`; optional.
            ///
            /// Example: `0`.
            #[serde(with = "::sas_core::__private::lenient::opt_int")]
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub env: ::std::option::Option<i64>,
            /// The currency, a three-letter ISO 4217 code.
            ///
            /// Wire: `currencyType`; an ISO 4217 currency code.
            #[serde(rename = "currencyType")]
            pub currency_type: ::std::string::String,
            /// The virtual item ID.
            ///
            /// Wire: `productId`.
            #[serde(rename = "productId")]
            pub product_id: ::std::string::String,
            /// The unit price of the item, in cents.
            ///
            /// Wire: `goodsPrice`; in cents.
            #[serde(rename = "goodsPrice")]
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub goods_price: i64,
            /// The order number inside the merchant system: 6 to 32 digits, letters or `_-|*`, unique under the merchant ID.
            ///
            /// Wire: `outTradeNo`; 6 to 32 characters; characters from `0-9A-Za-z_|*-`.
            #[serde(rename = "outTradeNo")]
            pub out_trade_no: ::std::string::String,
            /// Pass-through data, returned in the payment callback.
            ///
            /// Wire: `attach`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub attach: ::std::option::Option<::std::string::String>,
        }
        /// The required fields of a [`SignData`], by name: `SignData::from(SignDataInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `SignData` afterwards.
        pub struct SignDataInit<'a> {
            /// The purchase quantity.
            pub buy_quantity: i64,
            /// The currency, a three-letter ISO 4217 code.
            pub currency_type: &'a str,
            /// The virtual item ID.
            pub product_id: &'a str,
            /// The unit price of the item, in cents.
            pub goods_price: i64,
            /// The order number inside the merchant system: 6 to 32 digits, letters or `_-|*`, unique under the merchant ID.
            pub out_trade_no: &'a str,
        }
        impl ::std::convert::From<SignDataInit<'_>> for SignData {
            fn from(init: SignDataInit<'_>) -> Self {
                let SignDataInit {
                    buy_quantity,
                    currency_type,
                    product_id,
                    goods_price,
                    out_trade_no,
                } = init;
                Self {
                    offer_id: ::std::option::Option::None,
                    buy_quantity,
                    env: ::std::option::Option::None,
                    currency_type: currency_type.to_owned(),
                    product_id: product_id.to_owned(),
                    goods_price,
                    out_trade_no: out_trade_no.to_owned(),
                    attach: ::std::option::Option::None,
                }
            }
        }
        impl ::std::fmt::Debug for SignData {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("SignData")
                    .field("offer_id", &self.offer_id)
                    .field("buy_quantity", &self.buy_quantity)
                    .field("env", &self.env)
                    .field("currency_type", &self.currency_type)
                    .field("product_id", &self.product_id)
                    .field("goods_price", &self.goods_price)
                    .field("out_trade_no", &self.out_trade_no)
                    .field("attach", &self.attach)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for SignData {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "currencyType",
                        self.currency_type.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[],
                            format: ::std::option::Option::Some(
                                ::sas_core::validate::Format::Currency,
                            ),
                        },
                    );
                validator
                    .string(
                        "outTradeNo",
                        self.out_trade_no.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::Some(6u32),
                            max_len: ::std::option::Option::Some(32u32),
                            charset: &[
                                ('0', '9'),
                                ('A', 'Z'),
                                ('a', 'z'),
                                ('_', '_'),
                                ('|', '|'),
                                ('*', '*'),
                                ('-', '-'),
                            ],
                            values: &[],
                            format: ::std::option::Option::None,
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for SignData {
            fn example() -> Self {
                Self {
                    offer_id: ::std::option::Option::Some(
                        ::std::string::String::from("123"),
                    ),
                    buy_quantity: 1i64,
                    env: ::std::option::Option::Some(0i64),
                    currency_type: ::std::string::String::from("USD"),
                    product_id: ::std::string::String::from("example-productId"),
                    goods_price: 100i64,
                    out_trade_no: ::std::string::String::from("example-outTradeNo"),
                    attach: ::std::option::Option::Some(
                        ::std::string::String::from("example-attach"),
                    ),
                }
            }
        }
    }
    /// `POST` to the `TC-Payment-Callback` URL of 4.1: The superapp tells the mini program's merchant the result of a virtual payment, POSTing to the order's TC-Payment-Callback URL.
    ///
    /// [API List 4.2, "Mini program virtual payment callback"](https://www.tencentcloud.com/document/product/1219/67644). Served by the owner of the callback URL; sent by the superapp backend; authenticated by `virtual_callback`.
    ///
    /// The superapp signs a virtual payment or refund callback: `TC-Timestamp` with `TC-Signature` for SAS, and the body's event signature = hex HMAC-SHA256(AppKey, event + "&" + payload), over the payload string exactly as sent.
    pub mod mini_program_payment_notification {
        pub use super::super::common::GoodsInfo;
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "4.2",
            title: "Mini program virtual payment callback",
            summary: "The superapp tells the mini program's merchant the result of a virtual payment, POSTing to the order's TC-Payment-Callback URL.",
            group: "virtual_payment",
            module: "mini_program_payment_notification",
            kind: ::sas_core::endpoint::EntryKind::Callback,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::None,
            served_by: ::sas_core::endpoint::ServedBy::CallbackUrl,
            caller: ::sas_core::endpoint::Caller::Superapp,
            auth: ::sas_core::endpoint::AuthKind::VirtualCallback,
            sign_prefix: ::std::option::Option::Some("{Event}"),
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::Some("4.1"),
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-ApplicationID",
                    rust_name: "application_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["X-TC-ApplicationId"],
                    secret: false,
                    encrypted: false,
                },
            ],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "EventType",
                    rust_name: "event_type",
                    required: true,
                    set_by_auth: false,
                    aliases: &["eventType"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "Event",
                    rust_name: "event",
                    required: true,
                    set_by_auth: false,
                    aliases: &["event"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "PayModel",
                    rust_name: "pay_model",
                    required: true,
                    set_by_auth: false,
                    aliases: &["payModel"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "Payload",
                    rust_name: "payload",
                    required: true,
                    set_by_auth: false,
                    aliases: &["payload"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "PayEventSig",
                    rust_name: "pay_event_sig",
                    required: true,
                    set_by_auth: true,
                    aliases: &["payEventSig"],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The callback as the superapp delivers it: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it from [`RequestInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The superapp ID on SAS, as in the mini game payment callback (3.2).
            ///
            /// Wire: header `TC-ApplicationID`; also accepted as `X-TC-ApplicationId`.
            #[serde(skip)]
            pub application_id: ::std::string::String,
            /// The message type: `TRANSACTION.SUCCESS` for a successful payment, `TRANSACTION.PAYERROR` for a failed one.
            ///
            /// Wire: body field `EventType`; also accepted as `eventType`; one of `TRANSACTION.SUCCESS`, `TRANSACTION.PAYERROR`.
            #[serde(rename = "EventType")]
            #[serde(alias = "eventType")]
            pub event_type: EventType,
            /// The event type: the `Event` given when the order was created; it prefixes the signed message of `PayEventSig`.
            ///
            /// Wire: body field `Event`; also accepted as `event`.
            #[serde(rename = "Event")]
            #[serde(alias = "event")]
            pub event: ::std::string::String,
            /// The payment method: wallet, bank card or third party (`Wallet`, `Bankcard`, `Third` in the Chinese table).
            ///
            /// Wire: body field `PayModel`; also accepted as `payModel`.
            #[serde(rename = "PayModel")]
            #[serde(alias = "payModel")]
            pub pay_model: ::std::string::String,
            /// The details, as a JSON document carried in a string so that the whole message content is signed uniformly; `PayEventSig` signs this string exactly as sent.
            ///
            /// Wire: body field `Payload`; also accepted as `payload`; a JSON `Payload` document inside a string.
            #[serde(rename = "Payload")]
            #[serde(alias = "payload")]
            pub payload: ::sas_core::types::JsonString<Payload>,
            /// The payment signature: lowercase hex of HMAC-SHA256 under the AppKey over `Event` + `&` + `Payload` (see Virtual payment callback signature).
            ///
            /// Wire: body field `PayEventSig`; also accepted as `payEventSig`; computed by the signer.
            #[serde(rename = "PayEventSig")]
            #[serde(alias = "payEventSig")]
            #[serde(default)]
            pub pay_event_sig: ::std::string::String,
        }
        /// The required fields of a [`Request`], by name: `Request::from(RequestInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Request` afterwards.
        pub struct RequestInit<'a> {
            /// The superapp ID on SAS, as in the mini game payment callback (3.2).
            pub application_id: &'a str,
            /// The message type: `TRANSACTION.SUCCESS` for a successful payment, `TRANSACTION.PAYERROR` for a failed one.
            pub event_type: EventType,
            /// The event type: the `Event` given when the order was created; it prefixes the signed message of `PayEventSig`.
            pub event: &'a str,
            /// The payment method: wallet, bank card or third party (`Wallet`, `Bankcard`, `Third` in the Chinese table).
            pub pay_model: &'a str,
            /// The details, as a JSON document carried in a string so that the whole message content is signed uniformly; `PayEventSig` signs this string exactly as sent.
            pub payload: ::sas_core::types::JsonString<Payload>,
        }
        impl ::std::convert::From<RequestInit<'_>> for Request {
            fn from(init: RequestInit<'_>) -> Self {
                let RequestInit {
                    application_id,
                    event_type,
                    event,
                    pay_model,
                    payload,
                } = init;
                Self {
                    application_id: application_id.to_owned(),
                    event_type,
                    event: event.to_owned(),
                    pay_model: pay_model.to_owned(),
                    payload,
                    pay_event_sig: ::std::string::String::new(),
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("application_id", &self.application_id)
                    .field("event_type", &self.event_type)
                    .field("event", &self.event)
                    .field("pay_model", &self.pay_model)
                    .field("payload", &self.payload)
                    .field("pay_event_sig", &self.pay_event_sig)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "EventType",
                        self.event_type.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &["TRANSACTION.SUCCESS", "TRANSACTION.PAYERROR"],
                            format: ::std::option::Option::None,
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    application_id: ::std::string::String::from(
                        "example-TC-ApplicationID",
                    ),
                    event_type: EventType::from("TRANSACTION.SUCCESS"),
                    event: ::std::string::String::from("example-Event"),
                    pay_model: ::std::string::String::from("example-PayModel"),
                    payload: ::sas_core::__private::example_document::<Payload>(),
                    pay_event_sig: ::std::string::String::new(),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "EventType" => ::std::option::Option::Some(self.event_type.as_str()),
                    "Event" => ::std::option::Option::Some(self.event.as_str()),
                    "PayModel" => ::std::option::Option::Some(self.pay_model.as_str()),
                    "Payload" => ::std::option::Option::Some(self.payload.as_str()),
                    "PayEventSig" => {
                        ::std::option::Option::Some(self.pay_event_sig.as_str())
                    }
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                name: &str,
                value: ::std::string::String,
            ) -> bool {
                match name {
                    "PayEventSig" => {
                        self.pay_event_sig = value;
                        true
                    }
                    _ => false,
                }
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::VirtualCallback;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([
                    ("TC-ApplicationID", self.application_id.as_str()),
                ])
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.application_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-ApplicationID",
                    &["X-TC-ApplicationId"],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        impl ::sas_core::callback::PayloadCallback for Request {
            type Payload = Payload;
            fn payload(&self) -> &::sas_core::types::JsonString<Payload> {
                &self.payload
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// `OK` when the notification was accepted.
            ///
            /// One of `OK`.
            pub data: ::std::string::String,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: ::std::string::String) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: ::std::string::String::from("OK"),
                }
            }
        }
        /// The details of a mini program payment callback, carried as a JSON string in `Payload`.
        ///
        /// Build it from [`PayloadInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Payload {
            /// The user ID on SAS: the `TC-Platform-UserID` header of the order.
            ///
            /// Wire: `OpenId`.
            #[serde(rename = "OpenId")]
            pub open_id: ::std::string::String,
            /// The merchant order number.
            ///
            /// Wire: `OutTradeNo`.
            #[serde(rename = "OutTradeNo")]
            pub out_trade_no: ::std::string::String,
            /// The virtual item delivered.
            ///
            /// Wire: `GoodsInfo`.
            #[serde(rename = "GoodsInfo")]
            pub goods_info: GoodsInfo,
            /// The payment information.
            ///
            /// Wire: `PayInfo`.
            #[serde(rename = "PayInfo")]
            pub pay_info: PayInfo,
        }
        /// The required fields of a [`Payload`], by name: `Payload::from(PayloadInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Payload` afterwards.
        pub struct PayloadInit<'a> {
            /// The user ID on SAS: the `TC-Platform-UserID` header of the order.
            pub open_id: &'a str,
            /// The merchant order number.
            pub out_trade_no: &'a str,
            /// The virtual item delivered.
            pub goods_info: GoodsInfo,
            /// The payment information.
            pub pay_info: PayInfo,
        }
        impl ::std::convert::From<PayloadInit<'_>> for Payload {
            fn from(init: PayloadInit<'_>) -> Self {
                let PayloadInit { open_id, out_trade_no, goods_info, pay_info } = init;
                Self {
                    open_id: open_id.to_owned(),
                    out_trade_no: out_trade_no.to_owned(),
                    goods_info,
                    pay_info,
                }
            }
        }
        impl ::std::fmt::Debug for Payload {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Payload")
                    .field("open_id", &self.open_id)
                    .field("out_trade_no", &self.out_trade_no)
                    .field("goods_info", &self.goods_info)
                    .field("pay_info", &self.pay_info)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Payload {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator.nested("GoodsInfo", &self.goods_info);
                validator.nested("PayInfo", &self.pay_info);
            }
        }
        impl ::sas_core::endpoint::Example for Payload {
            fn example() -> Self {
                Self {
                    open_id: ::std::string::String::from("example-OpenId"),
                    out_trade_no: ::std::string::String::from("example-OutTradeNo"),
                    goods_info: <GoodsInfo as ::sas_core::endpoint::Example>::example(),
                    pay_info: <PayInfo as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
        /// The payment information of a mini program payment callback.
        ///
        /// Build it with [`PayInfo::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct PayInfo {
            /// An identifier the vendor describes as the merchant ID given when the order was placed; its name suggests an order number. Treated as an opaque string.
            ///
            /// Wire: `MchOrderNo`.
            #[serde(rename = "MchOrderNo")]
            pub mch_order_no: ::std::string::String,
            /// The time of payment, as a Unix timestamp in seconds.
            ///
            /// Wire: `PaidTime`; in seconds.
            #[serde(rename = "PaidTime")]
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub paid_time: i64,
            /// The payment transaction ID.
            ///
            /// Wire: `TransactionId`.
            #[serde(rename = "TransactionId")]
            pub transaction_id: ::std::string::String,
        }
        impl PayInfo {
            /// Builds the `PayInfo` from its required fields; the others start empty or at their spec default.
            pub fn new(
                mch_order_no: impl ::std::convert::Into<::std::string::String>,
                paid_time: i64,
                transaction_id: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self {
                    mch_order_no: mch_order_no.into(),
                    paid_time,
                    transaction_id: transaction_id.into(),
                }
            }
        }
        impl ::std::fmt::Debug for PayInfo {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("PayInfo")
                    .field("mch_order_no", &self.mch_order_no)
                    .field("paid_time", &self.paid_time)
                    .field("transaction_id", &self.transaction_id)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for PayInfo {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for PayInfo {
            fn example() -> Self {
                Self {
                    mch_order_no: ::std::string::String::from("example-MchOrderNo"),
                    paid_time: 1735293931i64,
                    transaction_id: ::std::string::String::from("example-TransactionId"),
                }
            }
        }
        /// The values of `EventType`: `TRANSACTION.SUCCESS`, `TRANSACTION.PAYERROR`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`EventType::as_str`] gives it back and [`EventType::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum EventType {
            /// `TRANSACTION.SUCCESS`.
            TransactionSuccess,
            /// `TRANSACTION.PAYERROR`.
            TransactionPayerror,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl EventType {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::TransactionSuccess => "TRANSACTION.SUCCESS",
                    Self::TransactionPayerror => "TRANSACTION.PAYERROR",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for EventType {
            fn from(value: &str) -> Self {
                match value {
                    "TRANSACTION.SUCCESS" => Self::TransactionSuccess,
                    "TRANSACTION.PAYERROR" => Self::TransactionPayerror,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for EventType {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for EventType {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for EventType {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for EventType {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
    }
}
/// Refunds (API List 5.1–5.2): standard and virtual refunds, their queries and result callbacks.
pub mod refund {
    /// `POST /spay/refund/refunds`: Requests a refund of a completed standard (JSAPI) payment order.
    ///
    /// [API List 5.1.1, "Create refund request"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by a merchant backend, through SAS; authenticated by `merchant_rsa`.
    ///
    /// The merchant signs the request with its merchant API private key: `Authorization` carries mchid, nonce, timestamp, serial and a SHA256withRSA signature over `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`.
    ///
    /// The superapp reports the result with the callback [`crate::api::refund::refund_notification`] (5.1.3).
    pub mod create_refund {
        pub use super::super::common::Refund;
        pub use super::super::common::RefundAmount;
        pub use super::super::common::RefundRequestAmount;
        pub use super::super::common::Status;
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "5.1.1",
            title: "Create refund request",
            summary: "Requests a refund of a completed standard (JSAPI) payment order.",
            group: "refund",
            module: "create_refund",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::Some("/spay/refund/refunds"),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Merchant,
            auth: ::sas_core::endpoint::AuthKind::MerchantRsa,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::Some("5.1.3"),
            callback_of: ::std::option::Option::None,
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Payment-Callback",
                    rust_name: "payment_callback",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-ApplicationID",
                    rust_name: "application_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["X-TC-ApplicationId"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "Authorization",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "transaction_id",
                    rust_name: "transaction_id",
                    required: false,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "out_trade_no",
                    rust_name: "out_trade_no",
                    required: false,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "out_refund_no",
                    rust_name: "out_refund_no",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "reason",
                    rust_name: "reason",
                    required: false,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "refund_method",
                    rust_name: "refund_method",
                    required: false,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "channel",
                    rust_name: "channel",
                    required: false,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "refund_source",
                    rust_name: "refund_source",
                    required: false,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "amount",
                    rust_name: "amount",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "goods_detail",
                    rust_name: "goods_detail",
                    required: false,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it from [`RequestInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The refund result callback URL: the superapp POSTs the refund result there when the refund completes.
            ///
            /// Wire: header `TC-Payment-Callback`; an absolute URL.
            #[serde(skip)]
            pub payment_callback: ::std::string::String,
            /// The superapp ID on SAS.
            ///
            /// Wire: header `TC-ApplicationID`; also accepted as `X-TC-ApplicationId`.
            #[serde(skip)]
            pub application_id: ::std::string::String,
            /// The platform payment order number; this or `out_trade_no` is required.
            ///
            /// Wire: body field `transaction_id`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub transaction_id: ::std::option::Option<::std::string::String>,
            /// The merchant order number; this or `transaction_id` is required.
            ///
            /// Wire: body field `out_trade_no`; optional; 6 to 32 characters; characters from `0-9A-Za-z_|*-`.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub out_trade_no: ::std::option::Option<::std::string::String>,
            /// The refund number, unique under the merchant.
            ///
            /// Wire: body field `out_refund_no`.
            pub out_refund_no: ::std::string::String,
            /// The reason for the refund.
            ///
            /// Wire: body field `reason`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub reason: ::std::option::Option<::std::string::String>,
            /// The refund method: `ORIGINAL`, `BANKCARD` or `WALLET`.
            ///
            /// Wire: body field `refund_method`; optional; one of `ORIGINAL`, `BANKCARD`, `WALLET`.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub refund_method: ::std::option::Option<RefundMethod>,
            /// The refund channel: `ORIGINAL` or `BALANCE`.
            ///
            /// Wire: body field `channel`; optional; one of `ORIGINAL`, `BALANCE`.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub channel: ::std::option::Option<Channel>,
            /// The source of the refund: `1` a customer service agent, `2` the user, `3` other.
            ///
            /// Wire: body field `refund_source`; optional; one of `1`, `2`, `3`.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub refund_source: ::std::option::Option<RefundSource>,
            /// The refund amounts.
            ///
            /// Wire: body field `amount`.
            pub amount: RefundRequestAmount,
            /// The refunded products.
            ///
            /// Wire: body field `goods_detail`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub goods_detail: ::std::option::Option<::std::vec::Vec<GoodsDetail>>,
        }
        /// The required fields of a [`Request`], by name: `Request::from(RequestInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Request` afterwards.
        pub struct RequestInit<'a> {
            /// The refund result callback URL: the superapp POSTs the refund result there when the refund completes.
            pub payment_callback: &'a str,
            /// The superapp ID on SAS.
            pub application_id: &'a str,
            /// The refund number, unique under the merchant.
            pub out_refund_no: &'a str,
            /// The refund amounts.
            pub amount: RefundRequestAmount,
        }
        impl ::std::convert::From<RequestInit<'_>> for Request {
            fn from(init: RequestInit<'_>) -> Self {
                let RequestInit {
                    payment_callback,
                    application_id,
                    out_refund_no,
                    amount,
                } = init;
                Self {
                    payment_callback: payment_callback.to_owned(),
                    application_id: application_id.to_owned(),
                    transaction_id: ::std::option::Option::None,
                    out_trade_no: ::std::option::Option::None,
                    out_refund_no: out_refund_no.to_owned(),
                    reason: ::std::option::Option::None,
                    refund_method: ::std::option::Option::None,
                    channel: ::std::option::Option::None,
                    refund_source: ::std::option::Option::None,
                    amount,
                    goods_detail: ::std::option::Option::None,
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("payment_callback", &self.payment_callback)
                    .field("application_id", &self.application_id)
                    .field("transaction_id", &self.transaction_id)
                    .field("out_trade_no", &self.out_trade_no)
                    .field("out_refund_no", &self.out_refund_no)
                    .field("reason", &self.reason)
                    .field("refund_method", &self.refund_method)
                    .field("channel", &self.channel)
                    .field("refund_source", &self.refund_source)
                    .field("amount", &self.amount)
                    .field("goods_detail", &self.goods_detail)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "TC-Payment-Callback",
                        self.payment_callback.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[],
                            format: ::std::option::Option::Some(
                                ::sas_core::validate::Format::Url,
                            ),
                        },
                    );
                if let ::std::option::Option::Some(value) = &self.out_trade_no {
                    validator
                        .string(
                            "out_trade_no",
                            value.as_str(),
                            &::sas_core::validate::StrRules {
                                min_len: ::std::option::Option::Some(6u32),
                                max_len: ::std::option::Option::Some(32u32),
                                charset: &[
                                    ('0', '9'),
                                    ('A', 'Z'),
                                    ('a', 'z'),
                                    ('_', '_'),
                                    ('|', '|'),
                                    ('*', '*'),
                                    ('-', '-'),
                                ],
                                values: &[],
                                format: ::std::option::Option::None,
                            },
                        );
                }
                if let ::std::option::Option::Some(value) = &self.refund_method {
                    validator
                        .string(
                            "refund_method",
                            value.as_str(),
                            &::sas_core::validate::StrRules {
                                min_len: ::std::option::Option::None,
                                max_len: ::std::option::Option::None,
                                charset: &[],
                                values: &["ORIGINAL", "BANKCARD", "WALLET"],
                                format: ::std::option::Option::None,
                            },
                        );
                }
                if let ::std::option::Option::Some(value) = &self.channel {
                    validator
                        .string(
                            "channel",
                            value.as_str(),
                            &::sas_core::validate::StrRules {
                                min_len: ::std::option::Option::None,
                                max_len: ::std::option::Option::None,
                                charset: &[],
                                values: &["ORIGINAL", "BALANCE"],
                                format: ::std::option::Option::None,
                            },
                        );
                }
                if let ::std::option::Option::Some(value) = &self.refund_source {
                    validator
                        .string(
                            "refund_source",
                            value.as_str(),
                            &::sas_core::validate::StrRules {
                                min_len: ::std::option::Option::None,
                                max_len: ::std::option::Option::None,
                                charset: &[],
                                values: &["1", "2", "3"],
                                format: ::std::option::Option::None,
                            },
                        );
                }
                validator.nested("amount", &self.amount);
                validator.nested("goods_detail", &self.goods_detail);
                validator
                    .one_of(
                        &["transaction_id", "out_trade_no"],
                        &[self.transaction_id.is_some(), self.out_trade_no.is_some()],
                    );
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    payment_callback: ::std::string::String::from(
                        "https://merchant.example/sas/notify",
                    ),
                    application_id: ::std::string::String::from(
                        "example-TC-ApplicationID",
                    ),
                    transaction_id: ::std::option::Option::Some(
                        ::std::string::String::from("example-transaction_id"),
                    ),
                    out_trade_no: ::std::option::Option::Some(
                        ::std::string::String::from("example-out_trade_no"),
                    ),
                    out_refund_no: ::std::string::String::from("example-out_refund_no"),
                    reason: ::std::option::Option::Some(
                        ::std::string::String::from("example-reason"),
                    ),
                    refund_method: ::std::option::Option::Some(
                        RefundMethod::from("ORIGINAL"),
                    ),
                    channel: ::std::option::Option::Some(Channel::from("ORIGINAL")),
                    refund_source: ::std::option::Option::Some(RefundSource::from("1")),
                    amount: <RefundRequestAmount as ::sas_core::endpoint::Example>::example(),
                    goods_detail: ::std::option::Option::Some(
                        ::std::vec![
                            < GoodsDetail as ::sas_core::endpoint::Example > ::example()
                        ],
                    ),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "transaction_id" => self.transaction_id.as_deref(),
                    "out_trade_no" => self.out_trade_no.as_deref(),
                    "out_refund_no" => {
                        ::std::option::Option::Some(self.out_refund_no.as_str())
                    }
                    "reason" => self.reason.as_deref(),
                    "refund_method" => {
                        self.refund_method.as_ref().map(|value| value.as_str())
                    }
                    "channel" => self.channel.as_ref().map(|value| value.as_str()),
                    "refund_source" => {
                        self.refund_source.as_ref().map(|value| value.as_str())
                    }
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::MerchantRsa;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([
                    ("TC-Payment-Callback", self.payment_callback.as_str()),
                    ("TC-ApplicationID", self.application_id.as_str()),
                ])
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.payment_callback = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-Payment-Callback",
                    &[],
                )?;
                self.application_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-ApplicationID",
                    &["X-TC-ApplicationId"],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// The refund.
            pub data: Refund,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: Refund) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator.nested("data", &self.data);
            }
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: <Refund as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
        /// One refunded product.
        ///
        /// Build it from [`GoodsDetailInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct GoodsDetail {
            /// The merchant's product code.
            ///
            /// Wire: `merchant_goods_id`.
            pub merchant_goods_id: ::std::string::String,
            /// The product name.
            ///
            /// Wire: `goods_name`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub goods_name: ::std::option::Option<::std::string::String>,
            /// The unit price of the product, in cents.
            ///
            /// Wire: `unit_price`; in cents.
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub unit_price: i64,
            /// The refund amount of the product, in cents.
            ///
            /// Wire: `refund_amount`; in cents.
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub refund_amount: i64,
            /// The number of items refunded.
            ///
            /// Wire: `refund_quantity`.
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub refund_quantity: i64,
        }
        /// The required fields of a [`GoodsDetail`], by name: `GoodsDetail::from(GoodsDetailInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `GoodsDetail` afterwards.
        pub struct GoodsDetailInit<'a> {
            /// The merchant's product code.
            pub merchant_goods_id: &'a str,
            /// The unit price of the product, in cents.
            pub unit_price: i64,
            /// The refund amount of the product, in cents.
            pub refund_amount: i64,
            /// The number of items refunded.
            pub refund_quantity: i64,
        }
        impl ::std::convert::From<GoodsDetailInit<'_>> for GoodsDetail {
            fn from(init: GoodsDetailInit<'_>) -> Self {
                let GoodsDetailInit {
                    merchant_goods_id,
                    unit_price,
                    refund_amount,
                    refund_quantity,
                } = init;
                Self {
                    merchant_goods_id: merchant_goods_id.to_owned(),
                    goods_name: ::std::option::Option::None,
                    unit_price,
                    refund_amount,
                    refund_quantity,
                }
            }
        }
        impl ::std::fmt::Debug for GoodsDetail {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("GoodsDetail")
                    .field("merchant_goods_id", &self.merchant_goods_id)
                    .field("goods_name", &self.goods_name)
                    .field("unit_price", &self.unit_price)
                    .field("refund_amount", &self.refund_amount)
                    .field("refund_quantity", &self.refund_quantity)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for GoodsDetail {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for GoodsDetail {
            fn example() -> Self {
                Self {
                    merchant_goods_id: ::std::string::String::from(
                        "example-merchant_goods_id",
                    ),
                    goods_name: ::std::option::Option::Some(
                        ::std::string::String::from("example-goods_name"),
                    ),
                    unit_price: 100i64,
                    refund_amount: 100i64,
                    refund_quantity: 1i64,
                }
            }
        }
        /// The values of `refund_method`: `ORIGINAL`, `BANKCARD`, `WALLET`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`RefundMethod::as_str`] gives it back and [`RefundMethod::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum RefundMethod {
            /// `ORIGINAL`.
            Original,
            /// `BANKCARD`.
            Bankcard,
            /// `WALLET`.
            Wallet,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl RefundMethod {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Original => "ORIGINAL",
                    Self::Bankcard => "BANKCARD",
                    Self::Wallet => "WALLET",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for RefundMethod {
            fn from(value: &str) -> Self {
                match value {
                    "ORIGINAL" => Self::Original,
                    "BANKCARD" => Self::Bankcard,
                    "WALLET" => Self::Wallet,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for RefundMethod {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for RefundMethod {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for RefundMethod {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for RefundMethod {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
        /// The values of `channel`: `ORIGINAL`, `BALANCE`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`Channel::as_str`] gives it back and [`Channel::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum Channel {
            /// `ORIGINAL`.
            Original,
            /// `BALANCE`.
            Balance,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl Channel {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Original => "ORIGINAL",
                    Self::Balance => "BALANCE",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for Channel {
            fn from(value: &str) -> Self {
                match value {
                    "ORIGINAL" => Self::Original,
                    "BALANCE" => Self::Balance,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for Channel {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for Channel {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for Channel {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for Channel {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
        /// The values of `refund_source`: `1`, `2`, `3`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`RefundSource::as_str`] gives it back and [`RefundSource::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum RefundSource {
            /// `1`.
            CustomerService,
            /// `2`.
            User,
            /// `3`.
            Other,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl RefundSource {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::CustomerService => "1",
                    Self::User => "2",
                    Self::Other => "3",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for RefundSource {
            fn from(value: &str) -> Self {
                match value {
                    "1" => Self::CustomerService,
                    "2" => Self::User,
                    "3" => Self::Other,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for RefundSource {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for RefundSource {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for RefundSource {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for RefundSource {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
    }
    /// `GET /spay/refund/refunds/{out_refund_no}`: Queries a standard payment refund by the merchant refund number.
    ///
    /// [API List 5.1.2, "Query refund"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by a merchant backend, through SAS; authenticated by `merchant_rsa`.
    ///
    /// The merchant signs the request with its merchant API private key: `Authorization` carries mchid, nonce, timestamp, serial and a SHA256withRSA signature over `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`.
    pub mod query_refund {
        pub use super::super::common::Refund;
        pub use super::super::common::RefundAmount;
        pub use super::super::common::Status;
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "5.1.2",
            title: "Query refund",
            summary: "Queries a standard payment refund by the merchant refund number.",
            group: "refund",
            module: "query_refund",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::GET,
            ),
            path: ::std::option::Option::Some("/spay/refund/refunds/{out_refund_no}"),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Merchant,
            auth: ::sas_core::endpoint::AuthKind::MerchantRsa,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::None,
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "Authorization",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            path_params: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "out_refund_no",
                    rust_name: "out_refund_no",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            query: &[],
            body: &[],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it with [`Request::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The merchant refund number.
            ///
            /// Wire: path parameter `{out_refund_no}`.
            #[serde(skip)]
            pub out_refund_no: ::std::string::String,
        }
        impl Request {
            /// Builds the `Request` from its required fields; the others start empty or at their spec default.
            pub fn new(
                out_refund_no: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self {
                    out_refund_no: out_refund_no.into(),
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("out_refund_no", &self.out_refund_no)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    out_refund_no: ::std::string::String::from("example-out_refund_no"),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, _name: &str) -> ::std::option::Option<&str> {
                ::std::option::Option::None
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::GET;
            type Response = Response;
            type Auth = ::sas_core::auth::MerchantRsa;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([("out_refund_no", self.out_refund_no.as_str())])
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.out_refund_no = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Path,
                    "out_refund_no",
                    &[],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// The refund details.
            pub data: Refund,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: Refund) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator.nested("data", &self.data);
            }
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: <Refund as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
    }
    /// `POST` to the `TC-Payment-Callback` URL of 5.1.1: The superapp tells the merchant the result of a standard payment refund, POSTing to the refund request's TC-Payment-Callback URL.
    ///
    /// [API List 5.1.3, "Standard payment refund callback"](https://www.tencentcloud.com/document/product/1219/67644). Served by the owner of the callback URL; sent by the superapp backend; authenticated by `payment_callback`.
    ///
    /// The superapp signs a payment or refund callback twice: `TC-Timestamp` (Unix seconds) with `TC-Signature` for SAS, and `TC-Callback-Signature`, SHA256withRSA over `TIMESTAMP\nNONCE\nBODY\n` with the key named by `TC-Callback-Serial`. The `resource` is sealed with AEAD_AES_256_GCM under the merchant's APIv3 key.
    pub mod refund_notification {
        pub use super::super::common::Algorithm;
        pub use super::super::common::EncryptedResource;
        pub use super::super::common::OriginalType;
        pub use super::super::common::RefundResult;
        pub use super::super::common::RefundResultAmount;
        pub use super::super::common::RefundStatus;
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "5.1.3",
            title: "Standard payment refund callback",
            summary: "The superapp tells the merchant the result of a standard payment refund, POSTing to the refund request's TC-Payment-Callback URL.",
            group: "refund",
            module: "refund_notification",
            kind: ::sas_core::endpoint::EntryKind::Callback,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::None,
            served_by: ::sas_core::endpoint::ServedBy::CallbackUrl,
            caller: ::sas_core::endpoint::Caller::Superapp,
            auth: ::sas_core::endpoint::AuthKind::PaymentCallback,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::Some("5.1.1"),
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Callback-Serial",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Callback-Signature",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Timestamp",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Callback-Nonce",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Callback-OutRefundNo",
                    rust_name: "callback_out_refund_no",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-MerchantID",
                    rust_name: "merchant_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["TC-MerchantId"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Signature",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &["X-TC-Signature"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-ApplicationID",
                    rust_name: "application_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["X-TC-ApplicationId"],
                    secret: false,
                    encrypted: false,
                },
            ],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "id",
                    rust_name: "id",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "create_time",
                    rust_name: "create_time",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "event_type",
                    rust_name: "event_type",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "resource_type",
                    rust_name: "resource_type",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "summary",
                    rust_name: "summary",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "resource",
                    rust_name: "resource",
                    required: true,
                    set_by_auth: false,
                    aliases: &["Resource"],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The callback as the superapp delivers it: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it from [`RequestInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The merchant refund number: the `out_refund_no` of the refund request.
            ///
            /// Wire: header `TC-Callback-OutRefundNo`.
            #[serde(skip)]
            pub callback_out_refund_no: ::std::string::String,
            /// The merchant ID on SAS.
            ///
            /// Wire: header `TC-MerchantID`; also accepted as `TC-MerchantId`.
            #[serde(skip)]
            pub merchant_id: ::std::string::String,
            /// The superapp ID on SAS.
            ///
            /// Wire: header `TC-ApplicationID`; also accepted as `X-TC-ApplicationId`.
            #[serde(skip)]
            pub application_id: ::std::string::String,
            /// The unique ID of the notification.
            ///
            /// Wire: body field `id`.
            pub id: ::std::string::String,
            /// The time the notification was created, in RFC 3339 form.
            ///
            /// Wire: body field `create_time`; an RFC 3339 date-time.
            pub create_time: ::std::string::String,
            /// The notification type: `REFUND.SUCCESS`, `REFUND.CLOSED` or `REFUND.ABNORMAL`.
            ///
            /// Wire: body field `event_type`; one of `REFUND.SUCCESS`, `REFUND.CLOSED`, `REFUND.ABNORMAL`.
            pub event_type: EventType,
            /// The type of the notification data, always `encrypt-resource`.
            ///
            /// Wire: body field `resource_type`; one of `encrypt-resource`; starts as `encrypt-resource`.
            pub resource_type: ResourceType,
            /// The summary of the notification.
            ///
            /// Wire: body field `summary`.
            pub summary: ::std::string::String,
            /// The notification data, encrypted with the merchant's APIv3 key (`original_type` is `refund`); it decrypts to a `RefundResult`.
            ///
            /// Wire: body field `resource`; also accepted as `Resource`.
            #[serde(alias = "Resource")]
            pub resource: EncryptedResource,
        }
        /// The required fields of a [`Request`], by name: `Request::from(RequestInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Request` afterwards.
        pub struct RequestInit<'a> {
            /// The merchant refund number: the `out_refund_no` of the refund request.
            pub callback_out_refund_no: &'a str,
            /// The merchant ID on SAS.
            pub merchant_id: &'a str,
            /// The superapp ID on SAS.
            pub application_id: &'a str,
            /// The unique ID of the notification.
            pub id: &'a str,
            /// The time the notification was created, in RFC 3339 form.
            pub create_time: &'a str,
            /// The notification type: `REFUND.SUCCESS`, `REFUND.CLOSED` or `REFUND.ABNORMAL`.
            pub event_type: EventType,
            /// The summary of the notification.
            pub summary: &'a str,
            /// The notification data, encrypted with the merchant's APIv3 key (`original_type` is `refund`); it decrypts to a `RefundResult`.
            pub resource: EncryptedResource,
        }
        impl ::std::convert::From<RequestInit<'_>> for Request {
            fn from(init: RequestInit<'_>) -> Self {
                let RequestInit {
                    callback_out_refund_no,
                    merchant_id,
                    application_id,
                    id,
                    create_time,
                    event_type,
                    summary,
                    resource,
                } = init;
                Self {
                    callback_out_refund_no: callback_out_refund_no.to_owned(),
                    merchant_id: merchant_id.to_owned(),
                    application_id: application_id.to_owned(),
                    id: id.to_owned(),
                    create_time: create_time.to_owned(),
                    event_type,
                    resource_type: ::std::default::Default::default(),
                    summary: summary.to_owned(),
                    resource,
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("callback_out_refund_no", &self.callback_out_refund_no)
                    .field("merchant_id", &self.merchant_id)
                    .field("application_id", &self.application_id)
                    .field("id", &self.id)
                    .field("create_time", &self.create_time)
                    .field("event_type", &self.event_type)
                    .field("resource_type", &self.resource_type)
                    .field("summary", &self.summary)
                    .field("resource", &self.resource)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "create_time",
                        self.create_time.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[],
                            format: ::std::option::Option::Some(
                                ::sas_core::validate::Format::Rfc3339,
                            ),
                        },
                    );
                validator
                    .string(
                        "event_type",
                        self.event_type.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[
                                "REFUND.SUCCESS",
                                "REFUND.CLOSED",
                                "REFUND.ABNORMAL",
                            ],
                            format: ::std::option::Option::None,
                        },
                    );
                validator
                    .string(
                        "resource_type",
                        self.resource_type.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &["encrypt-resource"],
                            format: ::std::option::Option::None,
                        },
                    );
                validator.nested("resource", &self.resource);
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    callback_out_refund_no: ::std::string::String::from(
                        "example-TC-Callback-OutRefundNo",
                    ),
                    merchant_id: ::std::string::String::from("example-TC-MerchantID"),
                    application_id: ::std::string::String::from(
                        "example-TC-ApplicationID",
                    ),
                    id: ::std::string::String::from("example-id"),
                    create_time: ::std::string::String::from(
                        "2026-01-02T03:04:05+08:00",
                    ),
                    event_type: EventType::from("REFUND.SUCCESS"),
                    resource_type: ResourceType::from("encrypt-resource"),
                    summary: ::std::string::String::from("example-summary"),
                    resource: <EncryptedResource as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "id" => ::std::option::Option::Some(self.id.as_str()),
                    "create_time" => {
                        ::std::option::Option::Some(self.create_time.as_str())
                    }
                    "event_type" => ::std::option::Option::Some(self.event_type.as_str()),
                    "resource_type" => {
                        ::std::option::Option::Some(self.resource_type.as_str())
                    }
                    "summary" => ::std::option::Option::Some(self.summary.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::PaymentCallback;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([
                    ("TC-Callback-OutRefundNo", self.callback_out_refund_no.as_str()),
                    ("TC-MerchantID", self.merchant_id.as_str()),
                    ("TC-ApplicationID", self.application_id.as_str()),
                ])
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.callback_out_refund_no = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-Callback-OutRefundNo",
                    &[],
                )?;
                self.merchant_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-MerchantID",
                    &["TC-MerchantId"],
                )?;
                self.application_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-ApplicationID",
                    &["X-TC-ApplicationId"],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        impl ::sas_core::callback::EncryptedCallback for Request {
            type Resource = RefundResult;
            fn sealed(&self) -> ::sas_core::callback::Sealed<'_> {
                ::sas_core::callback::Sealed {
                    algorithm: self.resource.algorithm.as_str(),
                    ciphertext: self.resource.ciphertext.as_str(),
                    nonce: self.resource.nonce.as_str(),
                    associated_data: self
                        .resource
                        .associated_data
                        .as_ref()
                        .map_or("", |value| value.as_str()),
                    original_type: self.resource.original_type.as_str(),
                }
            }
            fn set_sealed(
                &mut self,
                ciphertext: ::std::string::String,
                nonce: ::std::string::String,
                associated_data: ::std::string::String,
            ) {
                self.resource.ciphertext = ciphertext;
                self.resource.nonce = nonce;
                self.resource.associated_data = if associated_data.is_empty() {
                    ::std::option::Option::None
                } else {
                    ::std::option::Option::Some(associated_data)
                };
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// `OK` when the notification was accepted.
            ///
            /// One of `OK`.
            pub data: ::std::string::String,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: ::std::string::String) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: ::std::string::String::from("OK"),
                }
            }
        }
        /// The values of `event_type`: `REFUND.SUCCESS`, `REFUND.CLOSED`, `REFUND.ABNORMAL`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`EventType::as_str`] gives it back and [`EventType::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum EventType {
            /// `REFUND.SUCCESS`.
            RefundSuccess,
            /// `REFUND.CLOSED`.
            RefundClosed,
            /// `REFUND.ABNORMAL`.
            RefundAbnormal,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl EventType {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::RefundSuccess => "REFUND.SUCCESS",
                    Self::RefundClosed => "REFUND.CLOSED",
                    Self::RefundAbnormal => "REFUND.ABNORMAL",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for EventType {
            fn from(value: &str) -> Self {
                match value {
                    "REFUND.SUCCESS" => Self::RefundSuccess,
                    "REFUND.CLOSED" => Self::RefundClosed,
                    "REFUND.ABNORMAL" => Self::RefundAbnormal,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for EventType {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for EventType {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for EventType {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for EventType {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
        /// The values of `resource_type`: `encrypt-resource`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`ResourceType::as_str`] gives it back and [`ResourceType::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::default::Default,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum ResourceType {
            /// `encrypt-resource`.
            #[default]
            EncryptResource,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl ResourceType {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::EncryptResource => "encrypt-resource",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for ResourceType {
            fn from(value: &str) -> Self {
                match value {
                    "encrypt-resource" => Self::EncryptResource,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for ResourceType {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for ResourceType {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for ResourceType {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for ResourceType {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
    }
    /// `POST /vpay/refund/refunds`: Requests a refund of a completed virtual payment order of a mini program or mini game.
    ///
    /// [API List 5.2.1, "Request a refund"](https://www.tencentcloud.com/document/product/1219/67644). Served by the superapp backend; sent by a merchant backend, through SAS; authenticated by `pay_sig_query`.
    ///
    /// The developer backend signs a virtual refund with the AppKey: query `pay_sig` = hex HMAC-SHA256(AppKey, uri + "&" + body), over the exact body bytes.
    ///
    /// The superapp reports the result with the callback [`crate::api::refund::virtual_refund_notification`] (5.2.2).
    pub mod create_virtual_refund {
        pub use super::super::common::Refund;
        pub use super::super::common::RefundAmount;
        pub use super::super::common::RefundRequestAmount;
        pub use super::super::common::Status;
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "5.2.1",
            title: "Request a refund",
            summary: "Requests a refund of a completed virtual payment order of a mini program or mini game.",
            group: "refund",
            module: "create_virtual_refund",
            kind: ::sas_core::endpoint::EntryKind::Endpoint,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::Some("/vpay/refund/refunds"),
            served_by: ::sas_core::endpoint::ServedBy::Superapp,
            caller: ::sas_core::endpoint::Caller::Merchant,
            auth: ::sas_core::endpoint::AuthKind::PaySigQuery,
            sign_prefix: ::std::option::Option::Some("/vpay/refund/refunds"),
            triggers: ::std::option::Option::Some("5.2.2"),
            callback_of: ::std::option::Option::None,
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Payment-Callback",
                    rust_name: "payment_callback",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-ApplicationID",
                    rust_name: "application_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["X-TC-ApplicationId"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-MerchantID",
                    rust_name: "merchant_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["TC-MerchantId"],
                    secret: false,
                    encrypted: false,
                },
            ],
            path_params: &[],
            query: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "pay_sig",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "openid",
                    rust_name: "openid",
                    required: false,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "transaction_id",
                    rust_name: "transaction_id",
                    required: false,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "out_trade_no",
                    rust_name: "out_trade_no",
                    required: false,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "out_refund_no",
                    rust_name: "out_refund_no",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "reason",
                    rust_name: "reason",
                    required: false,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "req_from",
                    rust_name: "req_from",
                    required: false,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "amount",
                    rust_name: "amount",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The request: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it from [`RequestInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The refund result callback URL: the superapp POSTs the refund result there when the refund completes.
            ///
            /// Wire: header `TC-Payment-Callback`; an absolute URL.
            #[serde(skip)]
            pub payment_callback: ::std::string::String,
            /// The superapp ID on SAS.
            ///
            /// Wire: header `TC-ApplicationID`; also accepted as `X-TC-ApplicationId`.
            #[serde(skip)]
            pub application_id: ::std::string::String,
            /// The merchant ID bound to the mini program's superapp on SAS.
            ///
            /// Wire: header `TC-MerchantID`; also accepted as `TC-MerchantId`.
            #[serde(skip)]
            pub merchant_id: ::std::string::String,
            /// The openid of the user who placed the order.
            ///
            /// Wire: body field `openid`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub openid: ::std::option::Option<::std::string::String>,
            /// The platform payment order number; this or `out_trade_no` is required.
            ///
            /// Wire: body field `transaction_id`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub transaction_id: ::std::option::Option<::std::string::String>,
            /// The merchant order number; this or `transaction_id` is required.
            ///
            /// Wire: body field `out_trade_no`; optional; 6 to 32 characters; characters from `0-9A-Za-z_|*-`.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub out_trade_no: ::std::option::Option<::std::string::String>,
            /// The refund number, unique under the merchant.
            ///
            /// Wire: body field `out_refund_no`.
            pub out_refund_no: ::std::string::String,
            /// The reason for the refund.
            ///
            /// Wire: body field `reason`; optional.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub reason: ::std::option::Option<::std::string::String>,
            /// The source of the refund: `1` a customer service agent, `2` the user, `3` other.
            ///
            /// Wire: body field `req_from`; optional; one of `1`, `2`, `3`.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub req_from: ::std::option::Option<ReqFrom>,
            /// The refund amounts.
            ///
            /// Wire: body field `amount`.
            pub amount: RefundRequestAmount,
        }
        /// The required fields of a [`Request`], by name: `Request::from(RequestInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Request` afterwards.
        pub struct RequestInit<'a> {
            /// The refund result callback URL: the superapp POSTs the refund result there when the refund completes.
            pub payment_callback: &'a str,
            /// The superapp ID on SAS.
            pub application_id: &'a str,
            /// The merchant ID bound to the mini program's superapp on SAS.
            pub merchant_id: &'a str,
            /// The refund number, unique under the merchant.
            pub out_refund_no: &'a str,
            /// The refund amounts.
            pub amount: RefundRequestAmount,
        }
        impl ::std::convert::From<RequestInit<'_>> for Request {
            fn from(init: RequestInit<'_>) -> Self {
                let RequestInit {
                    payment_callback,
                    application_id,
                    merchant_id,
                    out_refund_no,
                    amount,
                } = init;
                Self {
                    payment_callback: payment_callback.to_owned(),
                    application_id: application_id.to_owned(),
                    merchant_id: merchant_id.to_owned(),
                    openid: ::std::option::Option::None,
                    transaction_id: ::std::option::Option::None,
                    out_trade_no: ::std::option::Option::None,
                    out_refund_no: out_refund_no.to_owned(),
                    reason: ::std::option::Option::None,
                    req_from: ::std::option::Option::None,
                    amount,
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("payment_callback", &self.payment_callback)
                    .field("application_id", &self.application_id)
                    .field("merchant_id", &self.merchant_id)
                    .field("openid", &self.openid)
                    .field("transaction_id", &self.transaction_id)
                    .field("out_trade_no", &self.out_trade_no)
                    .field("out_refund_no", &self.out_refund_no)
                    .field("reason", &self.reason)
                    .field("req_from", &self.req_from)
                    .field("amount", &self.amount)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "TC-Payment-Callback",
                        self.payment_callback.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[],
                            format: ::std::option::Option::Some(
                                ::sas_core::validate::Format::Url,
                            ),
                        },
                    );
                if let ::std::option::Option::Some(value) = &self.out_trade_no {
                    validator
                        .string(
                            "out_trade_no",
                            value.as_str(),
                            &::sas_core::validate::StrRules {
                                min_len: ::std::option::Option::Some(6u32),
                                max_len: ::std::option::Option::Some(32u32),
                                charset: &[
                                    ('0', '9'),
                                    ('A', 'Z'),
                                    ('a', 'z'),
                                    ('_', '_'),
                                    ('|', '|'),
                                    ('*', '*'),
                                    ('-', '-'),
                                ],
                                values: &[],
                                format: ::std::option::Option::None,
                            },
                        );
                }
                if let ::std::option::Option::Some(value) = &self.req_from {
                    validator
                        .string(
                            "req_from",
                            value.as_str(),
                            &::sas_core::validate::StrRules {
                                min_len: ::std::option::Option::None,
                                max_len: ::std::option::Option::None,
                                charset: &[],
                                values: &["1", "2", "3"],
                                format: ::std::option::Option::None,
                            },
                        );
                }
                validator.nested("amount", &self.amount);
                validator
                    .one_of(
                        &["transaction_id", "out_trade_no"],
                        &[self.transaction_id.is_some(), self.out_trade_no.is_some()],
                    );
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    payment_callback: ::std::string::String::from(
                        "https://merchant.example/sas/notify",
                    ),
                    application_id: ::std::string::String::from(
                        "example-TC-ApplicationID",
                    ),
                    merchant_id: ::std::string::String::from("example-TC-MerchantID"),
                    openid: ::std::option::Option::Some(
                        ::std::string::String::from("example-openid"),
                    ),
                    transaction_id: ::std::option::Option::Some(
                        ::std::string::String::from("example-transaction_id"),
                    ),
                    out_trade_no: ::std::option::Option::Some(
                        ::std::string::String::from("example-out_trade_no"),
                    ),
                    out_refund_no: ::std::string::String::from("example-out_refund_no"),
                    reason: ::std::option::Option::Some(
                        ::std::string::String::from("example-reason"),
                    ),
                    req_from: ::std::option::Option::Some(ReqFrom::from("1")),
                    amount: <RefundRequestAmount as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "openid" => self.openid.as_deref(),
                    "transaction_id" => self.transaction_id.as_deref(),
                    "out_trade_no" => self.out_trade_no.as_deref(),
                    "out_refund_no" => {
                        ::std::option::Option::Some(self.out_refund_no.as_str())
                    }
                    "reason" => self.reason.as_deref(),
                    "req_from" => self.req_from.as_ref().map(|value| value.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                _name: &str,
                _value: ::std::string::String,
            ) -> bool {
                false
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::PaySigQuery;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([
                    ("TC-Payment-Callback", self.payment_callback.as_str()),
                    ("TC-ApplicationID", self.application_id.as_str()),
                    ("TC-MerchantID", self.merchant_id.as_str()),
                ])
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.payment_callback = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-Payment-Callback",
                    &[],
                )?;
                self.application_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-ApplicationID",
                    &["X-TC-ApplicationId"],
                )?;
                self.merchant_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-MerchantID",
                    &["TC-MerchantId"],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// The refund.
            pub data: Refund,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: Refund) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator.nested("data", &self.data);
            }
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: <Refund as ::sas_core::endpoint::Example>::example(),
                }
            }
        }
        /// The values of `req_from`: `1`, `2`, `3`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`ReqFrom::as_str`] gives it back and [`ReqFrom::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum ReqFrom {
            /// `1`.
            CustomerService,
            /// `2`.
            User,
            /// `3`.
            Other,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl ReqFrom {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::CustomerService => "1",
                    Self::User => "2",
                    Self::Other => "3",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for ReqFrom {
            fn from(value: &str) -> Self {
                match value {
                    "1" => Self::CustomerService,
                    "2" => Self::User,
                    "3" => Self::Other,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for ReqFrom {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for ReqFrom {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for ReqFrom {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for ReqFrom {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
    }
    /// `POST` to the `TC-Payment-Callback` URL of 5.2.1: The superapp tells the merchant the result of a virtual payment refund, POSTing to the refund request's TC-Payment-Callback URL.
    ///
    /// [API List 5.2.2, "Virtual payment refund callback"](https://www.tencentcloud.com/document/product/1219/67644). Served by the owner of the callback URL; sent by the superapp backend; authenticated by `virtual_callback`.
    ///
    /// The superapp signs a virtual payment or refund callback: `TC-Timestamp` with `TC-Signature` for SAS, and the body's event signature = hex HMAC-SHA256(AppKey, event + "&" + payload), over the payload string exactly as sent.
    pub mod virtual_refund_notification {
        pub use super::super::common::RefundResult;
        pub use super::super::common::RefundResultAmount;
        pub use super::super::common::RefundStatus;
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "5.2.2",
            title: "Virtual payment refund callback",
            summary: "The superapp tells the merchant the result of a virtual payment refund, POSTing to the refund request's TC-Payment-Callback URL.",
            group: "refund",
            module: "virtual_refund_notification",
            kind: ::sas_core::endpoint::EntryKind::Callback,
            method: ::std::option::Option::Some(
                ::sas_core::__private::http::Method::POST,
            ),
            path: ::std::option::Option::None,
            served_by: ::sas_core::endpoint::ServedBy::CallbackUrl,
            caller: ::sas_core::endpoint::Caller::Superapp,
            auth: ::sas_core::endpoint::AuthKind::VirtualCallback,
            sign_prefix: ::std::option::Option::Some("{event}"),
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::Some("5.2.1"),
            headers: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-MerchantID",
                    rust_name: "merchant_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["TC-MerchantId"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Callback-OutRefundNo",
                    rust_name: "callback_out_refund_no",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Timestamp",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-Signature",
                    rust_name: "",
                    required: true,
                    set_by_auth: true,
                    aliases: &["X-TC-Signature"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "TC-ApplicationID",
                    rust_name: "application_id",
                    required: true,
                    set_by_auth: false,
                    aliases: &["X-TC-ApplicationId"],
                    secret: false,
                    encrypted: false,
                },
            ],
            path_params: &[],
            query: &[],
            body: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "eventType",
                    rust_name: "event_type",
                    required: true,
                    set_by_auth: false,
                    aliases: &["EventType"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "event",
                    rust_name: "event",
                    required: true,
                    set_by_auth: false,
                    aliases: &["Event"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "payload",
                    rust_name: "payload",
                    required: true,
                    set_by_auth: false,
                    aliases: &["Payload"],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "payEventSig",
                    rust_name: "pay_event_sig",
                    required: true,
                    set_by_auth: true,
                    aliases: &["PayEventSig"],
                    secret: false,
                    encrypted: false,
                },
            ],
            params: &[],
        };
        /// The callback as the superapp delivers it: its header, path and query values and its JSON body.
        ///
        /// Its serde impls cover the JSON body only; the conversions of `sas_core` carry the other parts.
        ///
        /// Build it from [`RequestInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Request {
            /// The merchant ID bound to the mini program's superapp on SAS.
            ///
            /// Wire: header `TC-MerchantID`; also accepted as `TC-MerchantId`.
            #[serde(skip)]
            pub merchant_id: ::std::string::String,
            /// The merchant refund number: the `out_refund_no` of the refund request.
            ///
            /// Wire: header `TC-Callback-OutRefundNo`.
            #[serde(skip)]
            pub callback_out_refund_no: ::std::string::String,
            /// The superapp ID on SAS.
            ///
            /// Wire: header `TC-ApplicationID`; also accepted as `X-TC-ApplicationId`.
            #[serde(skip)]
            pub application_id: ::std::string::String,
            /// `REFUND.` followed by the refund status: `REFUND.SUCCESS`, `REFUND.CLOSED` or `REFUND.ABNORMAL`.
            ///
            /// Wire: body field `eventType`; also accepted as `EventType`; one of `REFUND.SUCCESS`, `REFUND.CLOSED`, `REFUND.ABNORMAL`.
            #[serde(rename = "eventType")]
            #[serde(alias = "EventType")]
            pub event_type: EventType,
            /// The event identifier, the same as `eventType`; it prefixes the signed message of `payEventSig`.
            ///
            /// Wire: body field `event`; also accepted as `Event`; one of `REFUND.SUCCESS`, `REFUND.CLOSED`, `REFUND.ABNORMAL`.
            #[serde(alias = "Event")]
            pub event: Event,
            /// The refund notification data, as a JSON document carried in a string; `payEventSig` signs this string exactly as sent.
            ///
            /// Wire: body field `payload`; also accepted as `Payload`; a JSON `RefundResult` document inside a string.
            #[serde(alias = "Payload")]
            pub payload: ::sas_core::types::JsonString<RefundResult>,
            /// The payment signature: lowercase hex of HMAC-SHA256 under the AppKey over `event` + `&` + `payload`.
            ///
            /// Wire: body field `payEventSig`; also accepted as `PayEventSig`; computed by the signer.
            #[serde(rename = "payEventSig")]
            #[serde(alias = "PayEventSig")]
            #[serde(default)]
            pub pay_event_sig: ::std::string::String,
        }
        /// The required fields of a [`Request`], by name: `Request::from(RequestInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `Request` afterwards.
        pub struct RequestInit<'a> {
            /// The merchant ID bound to the mini program's superapp on SAS.
            pub merchant_id: &'a str,
            /// The merchant refund number: the `out_refund_no` of the refund request.
            pub callback_out_refund_no: &'a str,
            /// The superapp ID on SAS.
            pub application_id: &'a str,
            /// `REFUND.` followed by the refund status: `REFUND.SUCCESS`, `REFUND.CLOSED` or `REFUND.ABNORMAL`.
            pub event_type: EventType,
            /// The event identifier, the same as `eventType`; it prefixes the signed message of `payEventSig`.
            pub event: Event,
            /// The refund notification data, as a JSON document carried in a string; `payEventSig` signs this string exactly as sent.
            pub payload: ::sas_core::types::JsonString<RefundResult>,
        }
        impl ::std::convert::From<RequestInit<'_>> for Request {
            fn from(init: RequestInit<'_>) -> Self {
                let RequestInit {
                    merchant_id,
                    callback_out_refund_no,
                    application_id,
                    event_type,
                    event,
                    payload,
                } = init;
                Self {
                    merchant_id: merchant_id.to_owned(),
                    callback_out_refund_no: callback_out_refund_no.to_owned(),
                    application_id: application_id.to_owned(),
                    event_type,
                    event,
                    payload,
                    pay_event_sig: ::std::string::String::new(),
                }
            }
        }
        impl ::std::fmt::Debug for Request {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Request")
                    .field("merchant_id", &self.merchant_id)
                    .field("callback_out_refund_no", &self.callback_out_refund_no)
                    .field("application_id", &self.application_id)
                    .field("event_type", &self.event_type)
                    .field("event", &self.event)
                    .field("payload", &self.payload)
                    .field("pay_event_sig", &self.pay_event_sig)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Request {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "eventType",
                        self.event_type.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[
                                "REFUND.SUCCESS",
                                "REFUND.CLOSED",
                                "REFUND.ABNORMAL",
                            ],
                            format: ::std::option::Option::None,
                        },
                    );
                validator
                    .string(
                        "event",
                        self.event.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[
                                "REFUND.SUCCESS",
                                "REFUND.CLOSED",
                                "REFUND.ABNORMAL",
                            ],
                            format: ::std::option::Option::None,
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for Request {
            fn example() -> Self {
                Self {
                    merchant_id: ::std::string::String::from("example-TC-MerchantID"),
                    callback_out_refund_no: ::std::string::String::from(
                        "example-TC-Callback-OutRefundNo",
                    ),
                    application_id: ::std::string::String::from(
                        "example-TC-ApplicationID",
                    ),
                    event_type: EventType::from("REFUND.SUCCESS"),
                    event: Event::from("REFUND.SUCCESS"),
                    payload: ::sas_core::__private::example_document::<RefundResult>(),
                    pay_event_sig: ::std::string::String::new(),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Request {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "eventType" => ::std::option::Option::Some(self.event_type.as_str()),
                    "event" => ::std::option::Option::Some(self.event.as_str()),
                    "payload" => ::std::option::Option::Some(self.payload.as_str()),
                    "payEventSig" => {
                        ::std::option::Option::Some(self.pay_event_sig.as_str())
                    }
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                name: &str,
                value: ::std::string::String,
            ) -> bool {
                match name {
                    "payEventSig" => {
                        self.pay_event_sig = value;
                        true
                    }
                    _ => false,
                }
            }
        }
        impl ::sas_core::endpoint::ApiRequest for Request {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
            const METHOD: &'static ::sas_core::__private::http::Method = &::sas_core::__private::http::Method::POST;
            type Response = Response;
            type Auth = ::sas_core::auth::VirtualCallback;
            fn header_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::from([
                    ("TC-MerchantID", self.merchant_id.as_str()),
                    ("TC-Callback-OutRefundNo", self.callback_out_refund_no.as_str()),
                    ("TC-ApplicationID", self.application_id.as_str()),
                ])
            }
            fn path_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn query_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                ::std::vec::Vec::new()
            }
            fn read_parts(
                &mut self,
                parts: &dyn ::sas_core::endpoint::PartSource,
            ) -> ::std::result::Result<(), ::sas_core::endpoint::MissingPart> {
                self.merchant_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-MerchantID",
                    &["TC-MerchantId"],
                )?;
                self.callback_out_refund_no = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-Callback-OutRefundNo",
                    &[],
                )?;
                self.application_id = ::sas_core::__private::required(
                    parts,
                    ::sas_core::endpoint::WirePart::Header,
                    "TC-ApplicationID",
                    &["X-TC-ApplicationId"],
                )?;
                ::std::result::Result::Ok(())
            }
        }
        impl ::sas_core::callback::PayloadCallback for Request {
            type Payload = RefundResult;
            fn payload(&self) -> &::sas_core::types::JsonString<RefundResult> {
                &self.payload
            }
        }
        /// The response: the `data` of the `returnCode`/`returnMessage`/`data`/`requestId`
        /// envelope. It serialises as that value alone.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        #[serde(transparent)]
        pub struct Response {
            /// `OK` when the notification was accepted.
            ///
            /// One of `OK`.
            pub data: ::std::string::String,
        }
        impl Response {
            /// A response carrying `data`.
            pub fn new(data: ::std::string::String) -> Self {
                Self { data }
            }
        }
        impl ::std::fmt::Debug for Response {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Response").field("data", &self.data).finish()
            }
        }
        impl ::sas_core::validate::Validate for Response {
            fn validate(&self, _validator: &mut ::sas_core::validate::Validator) {}
        }
        impl ::sas_core::endpoint::ApiResponse for Response {}
        impl ::sas_core::endpoint::Example for Response {
            fn example() -> Self {
                Self {
                    data: ::std::string::String::from("OK"),
                }
            }
        }
        /// The values of `eventType`: `REFUND.SUCCESS`, `REFUND.CLOSED`, `REFUND.ABNORMAL`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`EventType::as_str`] gives it back and [`EventType::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum EventType {
            /// `REFUND.SUCCESS`.
            RefundSuccess,
            /// `REFUND.CLOSED`.
            RefundClosed,
            /// `REFUND.ABNORMAL`.
            RefundAbnormal,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl EventType {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::RefundSuccess => "REFUND.SUCCESS",
                    Self::RefundClosed => "REFUND.CLOSED",
                    Self::RefundAbnormal => "REFUND.ABNORMAL",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for EventType {
            fn from(value: &str) -> Self {
                match value {
                    "REFUND.SUCCESS" => Self::RefundSuccess,
                    "REFUND.CLOSED" => Self::RefundClosed,
                    "REFUND.ABNORMAL" => Self::RefundAbnormal,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for EventType {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for EventType {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for EventType {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for EventType {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
        /// The values of `event`: `REFUND.SUCCESS`, `REFUND.CLOSED`, `REFUND.ABNORMAL`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`Event::as_str`] gives it back and [`Event::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum Event {
            /// `REFUND.SUCCESS`.
            RefundSuccess,
            /// `REFUND.CLOSED`.
            RefundClosed,
            /// `REFUND.ABNORMAL`.
            RefundAbnormal,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl Event {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::RefundSuccess => "REFUND.SUCCESS",
                    Self::RefundClosed => "REFUND.CLOSED",
                    Self::RefundAbnormal => "REFUND.ABNORMAL",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for Event {
            fn from(value: &str) -> Self {
                match value {
                    "REFUND.SUCCESS" => Self::RefundSuccess,
                    "REFUND.CLOSED" => Self::RefundClosed,
                    "REFUND.ABNORMAL" => Self::RefundAbnormal,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for Event {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for Event {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for Event {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for Event {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
    }
}
/// Front-end payment parameters: the objects a merchant backend produces for `wx.requestPayment` and `wx.requestVirtualPayment`.
pub mod frontend {
    /// `wx.requestPayment` parameters: The parameters the merchant backend produces for `wx.requestPayment`, which starts a standard payment in the superapp.
    ///
    /// [Front-end payment API, "requestPayment"](https://www.tencentcloud.com/document/product/1219/70275). Served by the mini program front end; sent by the merchant backend; authenticated by `jsapi_pay_sign`.
    ///
    /// The merchant backend signs the `wx.requestPayment` parameters with its merchant API private key: `paySign` = Base64 SHA256withRSA over `appId\ntimeStamp\nnonceStr\npackage\n`.
    pub mod request_payment {
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "wx.requestPayment",
            title: "requestPayment",
            summary: "The parameters the merchant backend produces for `wx.requestPayment`, which starts a standard payment in the superapp.",
            group: "frontend",
            module: "request_payment",
            kind: ::sas_core::endpoint::EntryKind::Frontend,
            method: ::std::option::Option::None,
            path: ::std::option::Option::None,
            served_by: ::sas_core::endpoint::ServedBy::MiniProgram,
            caller: ::sas_core::endpoint::Caller::MerchantBackend,
            auth: ::sas_core::endpoint::AuthKind::JsapiPaySign,
            sign_prefix: ::std::option::Option::None,
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::None,
            headers: &[],
            path_params: &[],
            query: &[],
            body: &[],
            params: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "timeStamp",
                    rust_name: "time_stamp",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "nonceStr",
                    rust_name: "nonce_str",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "package",
                    rust_name: "package",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "signType",
                    rust_name: "sign_type",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "paySign",
                    rust_name: "pay_sign",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
        };
        /// The object the merchant backend hands its front end for `wx.requestPayment`; JS callbacks (`success`, `fail`, `complete`) are the front end's own.
        ///
        /// Build it with [`Params::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Params {
            /// The current time, as a Unix timestamp in seconds carried in a string.
            ///
            /// Wire: parameter `timeStamp`; in seconds.
            #[serde(rename = "timeStamp")]
            pub time_stamp: ::std::string::String,
            /// A random string of at most 32 characters.
            ///
            /// Wire: parameter `nonceStr`; at most 32 characters.
            #[serde(rename = "nonceStr")]
            pub nonce_str: ::std::string::String,
            /// The prepay ID returned by the order API (2.1), in the form `prepay_id=…`.
            ///
            /// Wire: parameter `package`.
            ///
            /// Example: `prepay_id=***`.
            pub package: ::std::string::String,
            /// The signature algorithm; it matches the one used when the order was placed, typically `RSA`.
            ///
            /// Wire: parameter `signType`; starts as `RSA`.
            #[serde(rename = "signType")]
            pub sign_type: ::std::string::String,
            /// The signature: Base64 SHA256withRSA under the merchant API private key over `appId\ntimeStamp\nnonceStr\npackage\n` (see the Payment and Merchant Practical Tutorial).
            ///
            /// Wire: parameter `paySign`; computed by the signer.
            #[serde(rename = "paySign")]
            #[serde(default)]
            pub pay_sign: ::std::string::String,
        }
        impl Params {
            /// Builds the `Params` from its required fields; the others start empty or at their spec default.
            pub fn new(
                time_stamp: impl ::std::convert::Into<::std::string::String>,
                nonce_str: impl ::std::convert::Into<::std::string::String>,
                package: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self {
                    time_stamp: time_stamp.into(),
                    nonce_str: nonce_str.into(),
                    package: package.into(),
                    sign_type: ::std::string::String::from("RSA"),
                    pay_sign: ::std::string::String::new(),
                }
            }
        }
        impl ::std::fmt::Debug for Params {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Params")
                    .field("time_stamp", &self.time_stamp)
                    .field("nonce_str", &self.nonce_str)
                    .field("package", &self.package)
                    .field("sign_type", &self.sign_type)
                    .field("pay_sign", &self.pay_sign)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Params {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "nonceStr",
                        self.nonce_str.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::Some(32u32),
                            charset: &[],
                            values: &[],
                            format: ::std::option::Option::None,
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for Params {
            fn example() -> Self {
                Self {
                    time_stamp: ::std::string::String::from("example-timeStamp"),
                    nonce_str: ::std::string::String::from("example-nonceStr"),
                    package: ::std::string::String::from("prepay_id=***"),
                    sign_type: ::std::string::String::from("RSA"),
                    pay_sign: ::std::string::String::new(),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Params {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "timeStamp" => ::std::option::Option::Some(self.time_stamp.as_str()),
                    "nonceStr" => ::std::option::Option::Some(self.nonce_str.as_str()),
                    "package" => ::std::option::Option::Some(self.package.as_str()),
                    "signType" => ::std::option::Option::Some(self.sign_type.as_str()),
                    "paySign" => ::std::option::Option::Some(self.pay_sign.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                name: &str,
                value: ::std::string::String,
            ) -> bool {
                match name {
                    "paySign" => {
                        self.pay_sign = value;
                        true
                    }
                    _ => false,
                }
            }
        }
        impl ::sas_core::endpoint::FrontendParams for Params {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
        }
    }
    /// `wx.requestVirtualPayment` parameters: The parameters the merchant backend produces for `wx.requestVirtualPayment`, which starts a virtual payment in the superapp.
    ///
    /// [Front-end payment API, "requestVirtualPayment"](https://www.tencentcloud.com/document/product/1219/70275). Served by the mini program front end; sent by the merchant backend; authenticated by `virtual_payment_sign`.
    ///
    /// The merchant backend signs the `wx.requestVirtualPayment` parameters: `paySig` = hex HMAC-SHA256(AppKey, "requestVirtualPayment&" + signData) and `signature` = hex HMAC-SHA256(session_key, signData).
    pub mod request_virtual_payment {
        /// What the spec says about this entry.
        pub const METADATA: ::sas_core::endpoint::Metadata = ::sas_core::endpoint::Metadata {
            section: "wx.requestVirtualPayment",
            title: "requestVirtualPayment",
            summary: "The parameters the merchant backend produces for `wx.requestVirtualPayment`, which starts a virtual payment in the superapp.",
            group: "frontend",
            module: "request_virtual_payment",
            kind: ::sas_core::endpoint::EntryKind::Frontend,
            method: ::std::option::Option::None,
            path: ::std::option::Option::None,
            served_by: ::sas_core::endpoint::ServedBy::MiniProgram,
            caller: ::sas_core::endpoint::Caller::MerchantBackend,
            auth: ::sas_core::endpoint::AuthKind::VirtualPaymentSign,
            sign_prefix: ::std::option::Option::Some("requestVirtualPayment"),
            triggers: ::std::option::Option::None,
            callback_of: ::std::option::Option::None,
            headers: &[],
            path_params: &[],
            query: &[],
            body: &[],
            params: &[
                ::sas_core::endpoint::FieldMeta {
                    name: "signData",
                    rust_name: "sign_data",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "mode",
                    rust_name: "mode",
                    required: true,
                    set_by_auth: false,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "signature",
                    rust_name: "signature",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
                ::sas_core::endpoint::FieldMeta {
                    name: "paySig",
                    rust_name: "pay_sig",
                    required: true,
                    set_by_auth: true,
                    aliases: &[],
                    secret: false,
                    encrypted: false,
                },
            ],
        };
        /// The object the merchant backend hands its front end for `wx.requestVirtualPayment`; JS callbacks (`success`, `fail`, `complete`) are the front end's own.
        ///
        /// Build it with [`Params::new`] and set the optional fields after.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct Params {
            /// The payment parameters, as a JSON document carried in a string; `paySig` and `signature` sign this string exactly as passed.
            ///
            /// Wire: parameter `signData`; a JSON `SignData` document inside a string.
            ///
            /// Example: `{"offerId":"123","buyQuantity":1,"currencyType":"USD","productId":"testproductId","goodsPrice":10,"outTradeNo":"xxxxxx","attach":"testdata"}`.
            #[serde(rename = "signData")]
            pub sign_data: ::sas_core::types::JsonString<SignData>,
            /// The purchase mode; only `short_series_goods` is supported.
            ///
            /// Wire: parameter `mode`; one of `short_series_goods`; starts as `short_series_goods`.
            pub mode: Mode,
            /// The user-mode signature: lowercase hex of HMAC-SHA256 under the user's session_key over `signData`.
            ///
            /// Wire: parameter `signature`; computed by the signer.
            ///
            /// Example: `d0b8bbccbe109b11549bcfd6602b08711f46600965253a949cd6a2b895152f9d`.
            #[serde(default)]
            pub signature: ::std::string::String,
            /// The payment signature: lowercase hex of HMAC-SHA256 under the AppKey over `requestVirtualPayment&` followed by `signData`.
            ///
            /// Wire: parameter `paySig`; computed by the signer.
            ///
            /// Example: `d0b8bbccbe109b11549bcfd6602b08711f46600965253a949cd6a2b895152f9d`.
            #[serde(rename = "paySig")]
            #[serde(default)]
            pub pay_sig: ::std::string::String,
        }
        impl Params {
            /// Builds the `Params` from its required fields; the others start empty or at their spec default.
            pub fn new(sign_data: ::sas_core::types::JsonString<SignData>) -> Self {
                Self {
                    sign_data,
                    mode: ::std::default::Default::default(),
                    signature: ::std::string::String::new(),
                    pay_sig: ::std::string::String::new(),
                }
            }
        }
        impl ::std::fmt::Debug for Params {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Params")
                    .field("sign_data", &self.sign_data)
                    .field("mode", &self.mode)
                    .field("signature", &self.signature)
                    .field("pay_sig", &self.pay_sig)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for Params {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "mode",
                        self.mode.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &["short_series_goods"],
                            format: ::std::option::Option::None,
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for Params {
            fn example() -> Self {
                Self {
                    sign_data: ::sas_core::__private::example_document::<SignData>(),
                    mode: Mode::from("short_series_goods"),
                    signature: ::std::string::String::new(),
                    pay_sig: ::std::string::String::new(),
                }
            }
        }
        impl ::sas_core::endpoint::TextFields for Params {
            fn text(&self, name: &str) -> ::std::option::Option<&str> {
                match name {
                    "signData" => ::std::option::Option::Some(self.sign_data.as_str()),
                    "mode" => ::std::option::Option::Some(self.mode.as_str()),
                    "signature" => ::std::option::Option::Some(self.signature.as_str()),
                    "paySig" => ::std::option::Option::Some(self.pay_sig.as_str()),
                    _ => ::std::option::Option::None,
                }
            }
            fn set_signature(
                &mut self,
                name: &str,
                value: ::std::string::String,
            ) -> bool {
                match name {
                    "signature" => {
                        self.signature = value;
                        true
                    }
                    "paySig" => {
                        self.pay_sig = value;
                        true
                    }
                    _ => false,
                }
            }
        }
        impl ::sas_core::endpoint::FrontendParams for Params {
            const METADATA: &'static ::sas_core::endpoint::Metadata = &METADATA;
        }
        /// The payment parameters of `wx.requestVirtualPayment`, carried as a JSON string in `signData`.
        ///
        /// Build it from [`SignDataInit`], which names its required fields.
        #[derive(
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::sas_core::__private::serde::Serialize,
            ::sas_core::__private::serde::Deserialize,
        )]
        #[serde(crate = "::sas_core::__private::serde")]
        #[non_exhaustive]
        pub struct SignData {
            /// The merchant ID.
            ///
            /// Wire: `offerId`.
            ///
            /// Example: `123`.
            #[serde(rename = "offerId")]
            pub offer_id: ::std::string::String,
            /// The purchase quantity.
            ///
            /// Wire: `buyQuantity`.
            #[serde(rename = "buyQuantity")]
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub buy_quantity: i64,
            /// The currency, for example `USD`; the console lists the payment currencies the superapp supports.
            ///
            /// Wire: `currencyType`; an ISO 4217 currency code.
            ///
            /// Example: `USD`.
            #[serde(rename = "currencyType")]
            pub currency_type: ::std::string::String,
            /// The item ID; required when `mode` is `short_series_goods`, the only mode.
            ///
            /// Wire: `productId`.
            #[serde(rename = "productId")]
            pub product_id: ::std::string::String,
            /// The unit price of the item, in cents; required when `mode` is `short_series_goods`, the only mode.
            ///
            /// Wire: `goodsPrice`; in cents.
            #[serde(rename = "goodsPrice")]
            #[serde(with = "::sas_core::__private::lenient::int")]
            pub goods_price: i64,
            /// The order number; each can be used only once, and reusing it fails.
            ///
            /// Wire: `outTradeNo`; 6 to 32 characters; characters from `0-9A-Za-z_|*-`.
            #[serde(rename = "outTradeNo")]
            pub out_trade_no: ::std::string::String,
            /// Pass-through data, passed back to the developer in the delivery push.
            ///
            /// Wire: `attach`.
            pub attach: ::std::string::String,
        }
        /// The required fields of a [`SignData`], by name: `SignData::from(SignDataInit { … })`.
        ///
        /// The optional fields start empty and the defaulted ones at their default; set them on the `SignData` afterwards.
        pub struct SignDataInit<'a> {
            /// The merchant ID.
            pub offer_id: &'a str,
            /// The purchase quantity.
            pub buy_quantity: i64,
            /// The currency, for example `USD`; the console lists the payment currencies the superapp supports.
            pub currency_type: &'a str,
            /// The item ID; required when `mode` is `short_series_goods`, the only mode.
            pub product_id: &'a str,
            /// The unit price of the item, in cents; required when `mode` is `short_series_goods`, the only mode.
            pub goods_price: i64,
            /// The order number; each can be used only once, and reusing it fails.
            pub out_trade_no: &'a str,
            /// Pass-through data, passed back to the developer in the delivery push.
            pub attach: &'a str,
        }
        impl ::std::convert::From<SignDataInit<'_>> for SignData {
            fn from(init: SignDataInit<'_>) -> Self {
                let SignDataInit {
                    offer_id,
                    buy_quantity,
                    currency_type,
                    product_id,
                    goods_price,
                    out_trade_no,
                    attach,
                } = init;
                Self {
                    offer_id: offer_id.to_owned(),
                    buy_quantity,
                    currency_type: currency_type.to_owned(),
                    product_id: product_id.to_owned(),
                    goods_price,
                    out_trade_no: out_trade_no.to_owned(),
                    attach: attach.to_owned(),
                }
            }
        }
        impl ::std::fmt::Debug for SignData {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("SignData")
                    .field("offer_id", &self.offer_id)
                    .field("buy_quantity", &self.buy_quantity)
                    .field("currency_type", &self.currency_type)
                    .field("product_id", &self.product_id)
                    .field("goods_price", &self.goods_price)
                    .field("out_trade_no", &self.out_trade_no)
                    .field("attach", &self.attach)
                    .finish()
            }
        }
        impl ::sas_core::validate::Validate for SignData {
            fn validate(&self, validator: &mut ::sas_core::validate::Validator) {
                validator
                    .string(
                        "currencyType",
                        self.currency_type.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::None,
                            max_len: ::std::option::Option::None,
                            charset: &[],
                            values: &[],
                            format: ::std::option::Option::Some(
                                ::sas_core::validate::Format::Currency,
                            ),
                        },
                    );
                validator
                    .string(
                        "outTradeNo",
                        self.out_trade_no.as_str(),
                        &::sas_core::validate::StrRules {
                            min_len: ::std::option::Option::Some(6u32),
                            max_len: ::std::option::Option::Some(32u32),
                            charset: &[
                                ('0', '9'),
                                ('A', 'Z'),
                                ('a', 'z'),
                                ('_', '_'),
                                ('|', '|'),
                                ('*', '*'),
                                ('-', '-'),
                            ],
                            values: &[],
                            format: ::std::option::Option::None,
                        },
                    );
            }
        }
        impl ::sas_core::endpoint::Example for SignData {
            fn example() -> Self {
                Self {
                    offer_id: ::std::string::String::from("123"),
                    buy_quantity: 1i64,
                    currency_type: ::std::string::String::from("USD"),
                    product_id: ::std::string::String::from("example-productId"),
                    goods_price: 100i64,
                    out_trade_no: ::std::string::String::from("example-outTradeNo"),
                    attach: ::std::string::String::from("example-attach"),
                }
            }
        }
        /// The values of `mode`: `short_series_goods`.
        ///
        /// A value the spec does not list is kept, exactly as received, in a hidden catch-all variant: nothing is lost, [`Mode::as_str`] gives it back and [`Mode::is_known`] tells it apart. Values match exactly (they are signed as sent), so another spelling is such an unknown value. A server validating a request refuses unknown values.
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::default::Default,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum Mode {
            /// `short_series_goods`.
            #[default]
            ShortSeriesGoods,
            /// A value the spec does not list, as received.
            #[doc(hidden)]
            _Custom(::sas_core::types::UnknownValue),
        }
        impl Mode {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::ShortSeriesGoods => "short_series_goods",
                    Self::_Custom(value) => value.as_str(),
                }
            }
            /// Whether the spec lists this value.
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, Self::_Custom(_))
            }
        }
        impl ::std::convert::From<&str> for Mode {
            fn from(value: &str) -> Self {
                match value {
                    "short_series_goods" => Self::ShortSeriesGoods,
                    _ => Self::_Custom(::sas_core::__private::unknown(value)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for Mode {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::fmt::Display for Mode {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::sas_core::__private::serde::Serialize for Mode {
            fn serialize<S: ::sas_core::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::sas_core::__private::serde::Deserialize<'de> for Mode {
            fn deserialize<D: ::sas_core::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::sas_core::__private::lenient::text(deserializer).map(Self::from)
            }
        }
    }
}
/// Every entry of the spec (22): the endpoints, callbacks and front-end parameter sets, grouped as the API List groups them.
///
/// [`endpoints`], [`callbacks`] and [`frontend_sets`] give one kind each.
pub static ENTRIES: &[&::sas_core::endpoint::Metadata] = &[
    &user::check_user::METADATA,
    &user::get_user_info_temporary_code::METADATA,
    &user::get_user_email::METADATA,
    &user::get_user_phone_number::METADATA,
    &user::get_user_nick::METADATA,
    &user::get_user_avatar::METADATA,
    &message::send_message::METADATA,
    &payment::create_jsapi_order::METADATA,
    &payment::payment_notification::METADATA,
    &payment::query_order::METADATA,
    &payment::close_order::METADATA,
    &virtual_payment::create_mini_game_order::METADATA,
    &virtual_payment::mini_game_payment_notification::METADATA,
    &virtual_payment::create_mini_program_order::METADATA,
    &virtual_payment::mini_program_payment_notification::METADATA,
    &refund::create_refund::METADATA,
    &refund::query_refund::METADATA,
    &refund::refund_notification::METADATA,
    &refund::create_virtual_refund::METADATA,
    &refund::virtual_refund_notification::METADATA,
    &frontend::request_payment::METADATA,
    &frontend::request_virtual_payment::METADATA,
];
/// Calls `$callback! { kind group module; … }` with every entry of the spec, in the
/// order of `ENTRIES` (`kind` is `endpoint`, `callback` or `frontend`): typed code over
/// every entry, so a new entry is covered without new code.
#[macro_export]
macro_rules! for_each_entry {
    ($callback:ident) => {
        $callback ! { endpoint user check_user; endpoint user
        get_user_info_temporary_code; endpoint user get_user_email; endpoint user
        get_user_phone_number; endpoint user get_user_nick; endpoint user
        get_user_avatar; endpoint message send_message; endpoint payment
        create_jsapi_order; callback payment payment_notification; endpoint payment
        query_order; endpoint payment close_order; endpoint virtual_payment
        create_mini_game_order; callback virtual_payment mini_game_payment_notification;
        endpoint virtual_payment create_mini_program_order; callback virtual_payment
        mini_program_payment_notification; endpoint refund create_refund; endpoint refund
        query_refund; callback refund refund_notification; endpoint refund
        create_virtual_refund; callback refund virtual_refund_notification; frontend
        frontend request_payment; frontend frontend request_virtual_payment; }
    };
}
