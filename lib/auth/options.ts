import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { secrets } from '@/lib/config/env';
import { authenticate } from './login';
import { clientIp } from '@/lib/http/client-ip';
import { isAppError, GENERIC_ERROR } from '@/lib/errors';
import { SESSION_MAX_AGE_S, createSession, revokeSession, sessionIsLive, touchSession } from './sessions';
import { safeRedirectUrl } from './callback-url';
import { writeAudit } from '@/lib/audit/service';

export { SESSION_MAX_AGE_S };

/**
 * next-auth configuration: credentials login, JWT sessions that carry a server-side session id
 * (lib/auth/sessions.ts), re-checked against the database on every read.
 */
/** The user `authorize` returns (next-auth passes it to `jwt` as its own User type). */
type SignedInUser = { id: string; role: string; sv: number; sid: string };

function isSignedInUser(u: object): u is SignedInUser {
  return 'id' in u && typeof u.id === 'string' && 'role' in u && typeof u.role === 'string' && 'sv' in u && typeof u.sv === 'number' && 'sid' in u && typeof u.sid === 'string';
}

export function authOptions(): NextAuthOptions {
  return {
    secret: secrets().authSecret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'credentials',
        credentials: { identifier: { type: 'text' }, password: { type: 'password' }, captcha: { type: 'text' } },
        async authorize(credentials, req) {
          const identifier = credentials?.identifier ?? '';
          const password = credentials?.password ?? '';
          if (!identifier || !password) throw new Error('请填写账号和登录密码');
          if (identifier.length > 100 || password.length > 128) throw new Error('账号或密码错误');
          try {
            const ip = clientIp(req?.headers as Record<string, string> | undefined);
            const user = await authenticate(identifier, password, ip, credentials?.captcha || null);
            const sid = createSession(user.id, ip);
            return { id: String(user.id), name: user.name, role: user.role, sv: user.sessionVersion, sid };
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
          if (!isSignedInUser(user)) throw new Error('session ended');
          const u = user;
          token.uid = Number(u.id);
          token.role = u.role;
          token.sv = u.sv;
          token.sid = u.sid;
          return token;
        }
        // A revoked or expired session is refused: next-auth then clears the cookie.
        if (typeof token.uid !== 'number' || !sessionIsLive(token.sid, token.uid)) throw new Error('session ended');
        touchSession(token.sid as string);
        return token;
      },
      async session({ session, token }) {
        session.user = { ...session.user, id: token.uid as number, role: token.role as string } as typeof session.user;
        return session;
      },
      async redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
    },
    events: {
      async signOut({ token }) {
        revokeSession(token?.sid);
        if (typeof token?.uid === 'number') writeAudit({ actorId: token.uid, action: 'auth.logout', objectType: 'user', objectId: token.uid });
      },
    },
  };
}
