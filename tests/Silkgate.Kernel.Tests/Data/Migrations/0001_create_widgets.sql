CREATE TABLE test_widgets (
  id {{id}},
  name TEXT NOT NULL,
  price BIGINT NOT NULL
);
