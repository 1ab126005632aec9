#pragma once
// The migrations compiled into this binary (generated from migrations/*.sql at build time).

#include <vector>

#include "db/migrate.hpp"

namespace manzuma::app {

std::vector<db::MigrationFile> embedded_migrations();

}  // namespace manzuma::app
