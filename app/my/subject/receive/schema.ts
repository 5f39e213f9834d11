import { z } from 'zod';

export const acceptTransferSchema = z.object({ transferId: z.number().int().positive() });
