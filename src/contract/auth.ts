import { z } from 'zod';

export const roles = ['associate', 'manager'] as const;
export type Role = (typeof roles)[number];

export const signInBody = z.object({
  storeId: z.string().min(1).max(16),
  employeeId: z.string().trim().min(1).max(32),
  pin: z.string().regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits'),
  deviceId: z.string().min(8).max(64).describe('A random id the device keeps, for the audit trail'),
});
export type SignInBody = z.infer<typeof signInBody>;

export const associateView = z.object({
  id: z.string(),
  employeeId: z.string(),
  name: z.string(),
  role: z.enum(roles),
  storeId: z.string(),
  storeName: z.string(),
});
export type AssociateView = z.infer<typeof associateView>;

export const session = z
  .object({
    accessToken: z.string(),
    accessTokenExpiresAt: z.string().describe('ISO time; refresh before then'),
    refreshToken: z.string(),
    refreshTokenExpiresAt: z.string(),
    associate: associateView,
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof session>;

export const refreshBody = z.object({ refreshToken: z.string().min(16).max(256) });
