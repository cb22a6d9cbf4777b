export { createRng } from "./random";
export type { Rng } from "./random";
export { seedStores, stagingLocationsFor } from "./stores";
export type {
  OpeningHours,
  SeedStagingLocation,
  SeedStore,
  Weekday,
} from "./stores";
export {
  catalogueSize,
  productLineCode,
  productLines,
  seedProducts,
} from "./products";
export type { Category, SeedProduct } from "./products";
export { categories } from "./catalogue";
export type { ProductLine } from "./catalogue";
export { aisleCount, baysPerAisle, seedStock, shelfLocation } from "./layout";
export { demoPins, randomCustomer, seedAssociates } from "./people";
export type { SeedAssociate, SeedCustomer } from "./people";
