-- One database per subgraph: each organisation owns its own data.
CREATE DATABASE hub;
CREATE DATABASE unions;
CREATE DATABASE youth;
CREATE DATABASE women;
CREATE DATABASE science;
CREATE DATABASE disability;
