//! The benchmark's in-memory data set: users, products and reviews, generated once from fixed
//! formulas so that every run (and every subgraph, and the monolith) sees the same bytes.

use std::sync::LazyLock;

use async_graphql::ID;

/// How many rows of each kind the data set holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub users: usize,
    pub products: usize,
    pub reviews: usize,
}

/// The size used by the benchmark servers. With `deep.graphql` it yields a response of about
/// 90 KB: each user and each product has `reviews / users` reviews, and the deep query fans out
/// over that number three times.
pub const BENCH_SIZE: Size = Size {
    users: 10,
    products: 10,
    reviews: 30,
};

#[derive(Debug)]
pub struct User {
    pub id: ID,
    pub name: String,
    pub username: String,
    /// Indices into [`Dataset::reviews`], in id order.
    pub reviews: Vec<usize>,
}

#[derive(Debug)]
pub struct Product {
    pub upc: String,
    pub name: String,
    pub price: i32,
    pub weight: i32,
    pub in_stock: bool,
    /// Indices into [`Dataset::reviews`], in id order.
    pub reviews: Vec<usize>,
}

#[derive(Debug)]
pub struct Review {
    pub id: ID,
    pub body: String,
    /// Index into [`Dataset::users`].
    pub author: usize,
    /// Index into [`Dataset::products`].
    pub product: usize,
}

/// All rows, with the reverse indices (reviews per user, per product) precomputed so that no
/// resolver scans a list.
#[derive(Debug)]
pub struct Dataset {
    pub users: Vec<User>,
    pub products: Vec<Product>,
    pub reviews: Vec<Review>,
}

const FIRST_NAMES: [&str; 10] = [
    "Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret", "Dennis",
];
const LAST_NAMES: [&str; 10] = [
    "Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus", "Hamilton",
    "Ritchie",
];
const MATERIALS: [&str; 7] = [
    "Oak", "Walnut", "Steel", "Bamboo", "Linen", "Ceramic", "Copper",
];
const OBJECTS: [&str; 11] = [
    "Table", "Chair", "Lamp", "Shelf", "Desk", "Stool", "Bench", "Cabinet", "Mirror", "Rug", "Vase",
];
const OPINIONS: [&str; 8] = [
    "Sturdy and well made; it arrived a day early and looks great.",
    "Good value, although assembly took longer than promised.",
    "The finish scratched within a week; it was replaced without fuss.",
    "Exactly as described. I bought a second one for my parents.",
    "Heavier than expected, so ask a friend to help carry it upstairs.",
    "Beautiful design and honest materials; the centrepiece of our room.",
    "It does the job, but the colour is darker than on the website.",
    "Packaging was excessive, yet nothing inside was damaged or missing.",
];

impl Dataset {
    /// Builds the data set of the given size. Ids and UPCs are "1", "2", … so that a lookup by
    /// key is a parse and an index, not a search.
    pub fn generate(size: Size) -> Self {
        let mut users: Vec<User> = (0..size.users)
            .map(|i| {
                let first = FIRST_NAMES[i % FIRST_NAMES.len()];
                let last = LAST_NAMES[(i / FIRST_NAMES.len() + i) % LAST_NAMES.len()];
                User {
                    id: ID(format!("{}", i + 1)),
                    name: format!("{first} {last}"),
                    username: format!("@{}{}", first.to_lowercase(), i + 1),
                    reviews: Vec::new(),
                }
            })
            .collect();
        let mut products: Vec<Product> = (0..size.products)
            .map(|i| Product {
                upc: format!("{}", i + 1),
                name: format!(
                    "{} {}",
                    MATERIALS[i % MATERIALS.len()],
                    OBJECTS[i % OBJECTS.len()]
                ),
                // Some prices exceed 1000 so that shippingEstimate takes both branches.
                price: 99 + ((i * 379) % 1900) as i32,
                weight: 40 + ((i * 53) % 960) as i32,
                in_stock: i % 3 != 2,
                reviews: Vec::new(),
            })
            .collect();
        let reviews: Vec<Review> = if users.is_empty() || products.is_empty() {
            Vec::new()
        } else {
            (0..size.reviews)
                .map(|i| {
                    // Round k (i / users) shifts every user's product by k, so that each user
                    // reviews distinct products and each product gets the same number of reviews.
                    let author = i % users.len();
                    let product = (i + i / users.len()) % products.len();
                    Review {
                        id: ID(format!("{}", i + 1)),
                        body: format!("{} (review {})", OPINIONS[i % OPINIONS.len()], i + 1),
                        author,
                        product,
                    }
                })
                .collect()
        };
        for (index, review) in reviews.iter().enumerate() {
            users[review.author].reviews.push(index);
            products[review.product].reviews.push(index);
        }
        Dataset {
            users,
            products,
            reviews,
        }
    }

    pub fn user(&self, id: &str) -> Option<&User> {
        self.users.get(index_of(id)?)
    }

    pub fn product(&self, upc: &str) -> Option<&Product> {
        self.products.get(index_of(upc)?)
    }

    pub fn review(&self, id: &str) -> Option<&Review> {
        self.reviews.get(index_of(id)?)
    }
}

/// Turns a 1-based id ("7") into a 0-based index; anything else matches no row.
fn index_of(id: &str) -> Option<usize> {
    id.parse::<usize>().ok()?.checked_sub(1)
}

/// The inventory's rule for `Product.shippingEstimate`, from the `@requires` fields: expensive
/// items ship free, the rest cost half their weight.
pub fn shipping_estimate(price: i32, weight: i32) -> i32 {
    if price > 1000 { 0 } else { weight / 2 }
}

/// The data set every benchmark server serves, built on first use.
pub fn dataset() -> &'static Dataset {
    static DATA: LazyLock<Dataset> = LazyLock::new(|| Dataset::generate(BENCH_SIZE));
    &DATA
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_user_and_product_gets_the_same_number_of_distinct_reviews() {
        let data = Dataset::generate(BENCH_SIZE);
        for user in &data.users {
            assert_eq!(user.reviews.len(), 3);
            let mut products: Vec<usize> = user
                .reviews
                .iter()
                .map(|&r| data.reviews[r].product)
                .collect();
            products.sort_unstable();
            products.dedup();
            assert_eq!(
                products.len(),
                3,
                "user {} reviews a product twice",
                user.id.0
            );
        }
        for product in &data.products {
            assert_eq!(product.reviews.len(), 3);
        }
    }

    #[test]
    fn lookups_by_key_are_one_based_and_reject_garbage() {
        let data = Dataset::generate(BENCH_SIZE);
        assert_eq!(
            data.user("1").map(|u| u.name.as_str()),
            Some("Ada Lovelace")
        );
        assert_eq!(data.product("10").map(|p| p.upc.as_str()), Some("10"));
        assert!(data.user("0").is_none());
        assert!(data.user("11").is_none());
        assert!(data.product("x").is_none());
        assert!(data.review("-1").is_none());
    }

    #[test]
    fn shipping_is_free_above_1000_and_half_the_weight_below() {
        assert_eq!(shipping_estimate(1001, 300), 0);
        assert_eq!(shipping_estimate(1000, 300), 150);
    }
}
