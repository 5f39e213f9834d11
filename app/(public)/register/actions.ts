'use server';

import { defineAction } from '@/lib/actions';
import { registerSchema } from '@/lib/users/schemas';
import { createUser } from '@/lib/users/service';

export const registerAction = defineAction({ schema: registerSchema, permission: null }, async (input, { ip }) => {
  const { id } = await createUser(
    { role: 'applicant', name: input.name, idType: input.idType, idNumber: input.idNumber, phone: input.phone, email: input.email, password: input.password },
    { actorId: null, ip },
  );
  return { id };
});
