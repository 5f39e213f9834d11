import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { secrets } from '@/lib/config/env';
import { authenticate } from './login';
import { clientIpFrom } from './ip';
import { isAppError, GENERIC_ERROR } from '@/lib/errors';

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/** next-auth configuration: credentials login, JWT sessions re-checked against the database. */
export function authOptions(): NextAuthOptions {
  return {
    secret: secrets().authSecret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'credentials',
        credentials: { identifier: { type: 'text' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const identifier = credentials?.identifier ?? '';
          const password = credentials?.password ?? '';
          if (!identifier || !password) throw new Error('请填写账号和登录密码');
          try {
            const user = await authenticate(identifier, password, clientIpFrom(req?.headers?.['x-forwarded-for']));
            return { id: String(user.id), name: user.name, role: user.role, sv: user.sessionVersion };
          } catch (e) {
            if (isAppError(e)) throw new Error(e.message);
            console.error('login failed', e);
            throw new Error(GENERIC_ERROR);
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { id: string; role: string; sv: number };
          token.uid = Number(u.id);
          token.role = u.role;
          token.sv = u.sv;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { ...session.user, id: token.uid as number, role: token.role as string } as typeof session.user;
        return session;
      },
    },
  };
}
