//! Limit/offset pagination with totals.

use sea_orm::{ConnectionTrait, EntityTrait, FromQueryResult, PaginatorTrait, QuerySelect, Select};

use crate::error::ApiError;

pub const DEFAULT_LIMIT: i32 = 20;
pub const MAX_LIMIT: i32 = 100;

/// A validated page request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    pub limit: u64,
    pub offset: u64,
}

impl Page {
    /// Validates GraphQL `limit` (1..=100) and `offset` (>= 0) arguments.
    pub fn new(limit: i32, offset: i32) -> Result<Page, ApiError> {
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::bad_input(format!(
                "`limit` must be between 1 and {MAX_LIMIT}, got {limit}"
            )));
        }
        if offset < 0 {
            return Err(ApiError::bad_input(format!(
                "`offset` must be 0 or more, got {offset}"
            )));
        }
        Ok(Page {
            limit: limit as u64,
            offset: offset as u64,
        })
    }

    /// Runs `select` (which must already be ordered) for this page and counts all rows.
    /// Two statements: a `COUNT(*)` and the page itself.
    pub async fn fetch<E, M, C>(
        self,
        select: Select<E>,
        db: &C,
    ) -> Result<(i64, Vec<M>), sea_orm::DbErr>
    where
        E: EntityTrait<Model = M>,
        M: FromQueryResult + Sized + Send + Sync,
        C: ConnectionTrait,
    {
        let total = select.clone().count(db).await?;
        let items = select.limit(self.limit).offset(self.offset).all(db).await?;
        Ok((total as i64, items))
    }
}

/// Declares a connection type `{ totalCount: Int!, items: [Item!]! }`:
/// `quntuan_kit::connection!(YouthBranchConnection, YouthBranch);`, and
/// `YouthBranchConnection::of(service_page, YouthBranch)` to build one from `(total, rows)`.
/// The calling crate must depend on `async-graphql`.
#[macro_export]
macro_rules! connection {
    ($(#[$meta:meta])* $name:ident, $item:ty) => {
        $(#[$meta])*
        #[derive(async_graphql::SimpleObject)]
        pub struct $name {
            /// Number of items matching the filters, over all pages.
            pub total_count: i64,
            /// The items of the requested page.
            pub items: Vec<$item>,
        }

        impl $name {
            /// The connection of a page as the service answers it (`(total, rows)`), each
            /// row wrapped as its GraphQL type.
            #[allow(dead_code, reason = "a crate may build its connections by hand")]
            pub fn of<Row>((total_count, rows): (i64, Vec<Row>), wrap: impl FnMut(Row) -> $item) -> Self {
                $name {
                    total_count,
                    items: rows.into_iter().map(wrap).collect(),
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_limit_and_offset() {
        assert_eq!(
            Page::new(20, 0),
            Ok(Page {
                limit: 20,
                offset: 0
            })
        );
        assert_eq!(
            Page::new(0, 0).err().map(|e| e.message().to_string()),
            Some("`limit` must be between 1 and 100, got 0".to_string())
        );
        assert_eq!(
            Page::new(101, 0).err().map(|e| e.message().to_string()),
            Some("`limit` must be between 1 and 100, got 101".to_string())
        );
        assert_eq!(
            Page::new(5, -1).err().map(|e| e.message().to_string()),
            Some("`offset` must be 0 or more, got -1".to_string())
        );
    }
}
