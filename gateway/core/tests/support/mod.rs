pub(crate) mod mock;
