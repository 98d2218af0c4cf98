-- The two roles the portal uses, created once when the database volume is
-- initialised (docker-entrypoint-initdb.d runs this through init-roles.sh, as
-- the image's superuser, which nothing else in the deployment uses):
--   portal_owner  owns the database and its schema and runs the migrations;
--                 not a superuser, so it cannot switch the audit log's
--                 append-only trigger off or read other databases.
--   portal_app    what the API connects as: reads and writes data, may only
--                 INSERT and SELECT the audit log (the migrations grant that).
-- The passwords and the database name are psql variables that init-roles.sh fills in from the environment.
CREATE ROLE portal_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE portal_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD :'app_password';
ALTER DATABASE :"database" OWNER TO portal_owner;
-- PostgreSQL 15+: the public schema belongs to the database's owner.
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO portal_app;
