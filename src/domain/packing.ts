import { DomainError } from './domain-error';
import { nextStatus, type FulfillmentType, type OrderStatus } from './order-machine';

/*
 * Packing a ship-from-store order: which boxes, how heavy, how big. The same rules run on the
 * device (the pack screen and the outbox overlay) and on the server (the order.pack command).
 * A carrier may be stricter (the own fleet takes up to 30 kg): it says so when the label is
 * booked, with a carrier.* code, and the associate re-packs.
 */

export const packageTypes = ['envelope', 'bag', 'box-s', 'box-m', 'box-l', 'custom'] as const;
export type PackageType = (typeof packageTypes)[number];

export const packLimits = {
  maxPackages: 20,
  minGrams: 1,
  /** The heaviest parcel any carrier we know takes (UPS, 70 kg); carriers check their own. */
  maxGrams: 70_000,
  minSideMm: 1,
  maxSideMm: 3_000,
} as const;

export interface Dimensions {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

/** Outside sizes of the store's standard packaging; a "custom" package is measured instead. */
export const standardDimensions: Record<Exclude<PackageType, 'custom'>, Dimensions> = {
  envelope: { lengthMm: 350, widthMm: 250, heightMm: 20 },
  bag: { lengthMm: 450, widthMm: 350, heightMm: 80 },
  'box-s': { lengthMm: 300, widthMm: 200, heightMm: 100 },
  'box-m': { lengthMm: 400, widthMm: 300, heightMm: 200 },
  'box-l': { lengthMm: 600, widthMm: 400, heightMm: 400 },
};

/** A package as the associate enters it at the pack bench. */
export interface PackageInput {
  type: string;
  weightGrams: number;
  lengthMm?: number | undefined;
  widthMm?: number | undefined;
  heightMm?: number | undefined;
}

/** A package as recorded on the order: numbered 1..n, with its outside dimensions. */
export interface PackedPackage extends Dimensions {
  packageNumber: number;
  type: PackageType;
  weightGrams: number;
}

export const packErrorCodes = {
  noPackages: 'pack.noPackages',
  tooManyPackages: 'pack.tooManyPackages',
  unknownPackageType: 'pack.unknownPackageType',
  weightOutOfRange: 'pack.weightOutOfRange',
  dimensionsRequired: 'pack.dimensionsRequired',
  dimensionsOutOfRange: 'pack.dimensionsOutOfRange',
  alreadyLabelled: 'pack.alreadyLabelled',
} as const;

export const shipErrorCodes = {
  noLabel: 'ship.noLabel',
} as const;

function isPackageType(value: string): value is PackageType {
  return (packageTypes as readonly string[]).includes(value);
}

const wholeIn = (value: number | undefined, min: number, max: number) =>
  value !== undefined && Number.isInteger(value) && value >= min && value <= max;

function dimensionsOf(input: PackageInput, type: PackageType, packageNumber: number): Dimensions {
  const given = [input.lengthMm, input.widthMm, input.heightMm];
  if (type !== 'custom' && given.every((side) => side === undefined)) return standardDimensions[type];
  if (given.some((side) => side === undefined)) {
    throw new DomainError(
      packErrorCodes.dimensionsRequired,
      `Package ${packageNumber} needs its length, width and height`,
      { packageNumber },
    );
  }
  if (!given.every((side) => wholeIn(side, packLimits.minSideMm, packLimits.maxSideMm))) {
    throw new DomainError(
      packErrorCodes.dimensionsOutOfRange,
      `Package ${packageNumber} has a side out of range`,
      { packageNumber, minSideMm: packLimits.minSideMm, maxSideMm: packLimits.maxSideMm },
    );
  }
  const [lengthMm, widthMm, heightMm] = given as [number, number, number];
  return { lengthMm, widthMm, heightMm };
}

/** Checks the packages and numbers them 1..n, filling in the sizes of standard packaging. */
export function packPackages(input: readonly PackageInput[]): PackedPackage[] {
  if (input.length === 0) {
    throw new DomainError(packErrorCodes.noPackages, 'An order ships in at least one package');
  }
  if (input.length > packLimits.maxPackages) {
    throw new DomainError(packErrorCodes.tooManyPackages, `At most ${packLimits.maxPackages} packages`, {
      count: input.length,
      maxPackages: packLimits.maxPackages,
    });
  }
  return input.map((pkg, index) => {
    const packageNumber = index + 1;
    if (!isPackageType(pkg.type)) {
      throw new DomainError(packErrorCodes.unknownPackageType, `Unknown package type ${pkg.type}`, {
        packageNumber,
        type: pkg.type,
      });
    }
    if (!wholeIn(pkg.weightGrams, packLimits.minGrams, packLimits.maxGrams)) {
      throw new DomainError(
        packErrorCodes.weightOutOfRange,
        `Package ${packageNumber} must weigh ${packLimits.minGrams} to ${packLimits.maxGrams} g`,
        {
          packageNumber,
          weightGrams: pkg.weightGrams,
          minGrams: packLimits.minGrams,
          maxGrams: packLimits.maxGrams,
        },
      );
    }
    return {
      packageNumber,
      type: pkg.type,
      weightGrams: pkg.weightGrams,
      ...dimensionsOf(pkg, pkg.type, packageNumber),
    };
  });
}

interface ShippableOrder {
  status: OrderStatus;
  fulfillmentType: FulfillmentType;
}

/**
 * The status after packing: picked → packed, or a re-pack of a packed order (a wrong weight,
 * one more box) as long as no label was booked for it. `labelled` is what the caller knows;
 * the device passes what its replica holds, the server what its shipments table holds.
 */
export function packedStatus(order: ShippableOrder, labelled: boolean): OrderStatus {
  if (order.status === 'packed' && order.fulfillmentType === 'ship_from_store') {
    if (labelled) {
      throw new DomainError(packErrorCodes.alreadyLabelled, 'The label is booked: this packing is final');
    }
    return 'packed';
  }
  return nextStatus(order, 'pack');
}

/**
 * The status after handing the parcels to the carrier: packed → shipped, only with a label.
 * `labelled` undefined means "not known here" (a device whose replica may be behind): only
 * the transition is checked then, and the server, which knows, decides.
 */
export function shippedStatus(order: ShippableOrder, labelled: boolean | undefined): OrderStatus {
  const status = nextStatus(order, 'ship');
  if (labelled === false) {
    throw new DomainError(shipErrorCodes.noLabel, 'Create the shipping label before marking it shipped');
  }
  return status;
}

export function totalWeightGrams(packages: readonly { weightGrams: number }[]): number {
  return packages.reduce((sum, pkg) => sum + pkg.weightGrams, 0);
}
