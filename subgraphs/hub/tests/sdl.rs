//! schema/hub.graphql must equal the SDL the code serves.

quntuan_kit::sdl_tests!(
    quntuan_hub::Hub,
    served by quntuan_hub::schema::build(quntuan_kit::test_database().await),
);
