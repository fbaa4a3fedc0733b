#!/usr/bin/env python3
# Lists import cycles between files of src/model/ and src/io/ (each file a node; test modules left
# out; a mod.rs re-export counts only where mod.rs itself uses the name). Prints the cycles with the
# lines that make them; none printed under a heading means none there.
import os, re, sys, collections
ROOT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src')
files={}  # modpath tuple -> relpath
for top in ('model','io'):
    for dp,_,fs in os.walk(f'{ROOT}/{top}'):
        for f in fs:
            if not f.endswith('.rs') or f=='tests.rs': continue
            rel=os.path.relpath(os.path.join(dp,f),ROOT)
            parts=rel[:-3].split('/')
            if parts[-1]=='mod': parts=parts[:-1]
            files[tuple(['crate']+parts)]=rel
rel2mod={v:k for k,v in files.items()}

def strip_comments(s):
    out=[];i=0;n=len(s)
    while i<n:
        c=s[i]
        if s.startswith('//',i):
            j=s.find('\n',i); j=n if j<0 else j
            out.append(' '*(j-i)); i=j
        elif s.startswith('/*',i):
            j=s.find('*/',i)+2
            out.append(re.sub(r'[^\n]',' ',s[i:j])); i=j
        elif c=='"':
            j=i+1
            while s[j]!='"':
                j+= 2 if s[j]=='\\' else 1
            out.append(s[i:j+1]); i=j+1
        elif c=="'" and re.match(r"'(\\.|[^\\'])'",s[i:i+4]):
            m=re.match(r"'(\\.[^']*|[^\\'])'",s[i:]); out.append(s[i:i+m.end()]); i+=m.end()
        else:
            out.append(c); i+=1
    return ''.join(out)

def blank(s,a,b): return s[:a]+re.sub(r'[^\n]',' ',s[a:b])+s[b:]

def strip_cfg_test(s):
    while True:
        m=re.search(r'#\[cfg\(test\)\]',s)
        if not m: return s
        i=m.end()
        # skip further attributes/whitespace
        while True:
            mm=re.match(r'\s*#\[[^\]]*\]',s[i:])
            if mm: i+=mm.end()
            else: break
        kw=re.match(r'\s*(?:pub(?:\([^)]*\))?\s+)?(\w+)',s[i:]).group(1)
        blocky= kw in ('fn','mod','impl','struct','enum','trait','const','static') 
        d=0;j=i;opened=False
        while j<len(s):
            ch=s[j]
            if ch in '([{': d+=1; opened = opened or ch=='{'
            elif ch in ')]}':
                d-=1
                if d==0 and ch=='}' and blocky and kw!='const': j+=1; break
            elif ch==';' and d==0: j+=1; break
            j+=1
        s=blank(s,m.start(),j)

def expand_use(tree,start):
    # returns list of (segments, offset)
    toks=[(m.group(),start+m.start()) for m in re.finditer(r'::|\{|\}|,|\*|\w+|as',tree)]
    res=[];pos=0
    def parse(prefix):
        nonlocal pos
        items=[]
        while pos<len(toks):
            segs=list(prefix);off=None
            while pos<len(toks):
                t,o=toks[pos]
                if t=='{':
                    pos+=1; items+=parse(segs)
                    pos+=1  # '}'
                    off=None
                    break
                elif t in (',','}'): break
                elif t=='::': pos+=1
                elif t=='as': pos+=2
                else: segs.append(t); off=o; pos+=1
            else:
                pass
            if off is not None and (pos>=len(toks) or toks[pos][0] in (',','}')):
                items.append((segs,off))
            if pos<len(toks) and toks[pos][0]==',': pos+=1; continue
            if pos>=len(toks) or toks[pos][0]=='}': return items
        return items
    return parse([])

# collect pub use maps for re-export resolution
texts={}
for mp,rel in files.items():
    raw=open(f'{ROOT}/{rel}').read()
    texts[mp]=strip_cfg_test(strip_comments(raw))

def children(mp): return {k[-1] for k in files if len(k)==len(mp)+1 and k[:-1]==mp}

def uses(mp):
    s=texts[mp]; out=[]
    for m in re.finditer(r'(?m)^[ \t]*(pub(?:\([^)]*\))?\s+)?use\s+([^;]*);',s):
        for segs,off in expand_use(m.group(2),m.start(2)):
            out.append((bool(m.group(1)),segs,off,m.start(),m.end()))
    return out

def absolutize(mp,segs):
    if not segs: return None
    if segs[0]=='crate': return segs
    if segs[0] in ('super','self'):
        cur=list(mp)
        i=0
        while i<len(segs) and segs[i] in ('super','self'):
            if segs[i]=='super': cur=cur[:-1]
            i+=1
        return cur+segs[i:]
    if segs[0] in children(mp): return list(mp)+segs
    return None

reexp={}
for mp in files:
    d={};globs=[]
    for pub,segs,off,a,b in uses(mp):
        if not pub: continue
        ab=absolutize(mp,segs)
        if ab is None: continue
        if segs[-1]=='*': globs.append(ab[:-1])
        else: d[segs[-1]]=ab
    reexp[mp]=(d,globs)

def defines(mp,name):
    return re.search(r'\b(struct|enum|fn|type|trait|const|static|mod)\s+'+re.escape(name)+r'\b',texts[mp]) is not None

def resolve(ab,depth=0):
    """absolute segs -> file modpath (the file defining it)"""
    if depth>10: return None
    ab=[x for x in ab if x!='*']
    k=len(ab)
    while k>0 and tuple(ab[:k]) not in files: k-=1
    if k==0: return None
    mod=tuple(ab[:k]); rest=ab[k:]
    if not rest: return mod
    name=rest[0]
    d,globs=reexp[mod]
    if name in d and not defines(mod,name): return resolve(d[name]+rest[1:],depth+1)
    if defines(mod,name) or re.search(r'\bimpl\b',texts[mod]) and re.search(r'fn\s+'+name+r'\b',texts[mod]): return mod
    for g in globs:
        r=resolve(g+rest,depth+1)
        if r and r[0]!='?': return r
    if re.search(r'\b(struct|enum|fn|impl|macro_rules)\b',texts[mod]): return mod
    return ('?',)+tuple(ab)

def lineof(s,off): return s.count('\n',0,off)+1

edges=collections.defaultdict(list)  # (a,b)->[(line,text)]
unresolved=[]
for mp,rel in files.items():
    s=texts[mp]; raw=open(f'{ROOT}/{rel}').read().split('\n')
    spans=[]
    is_facade=rel.endswith('mod.rs')
    for pub,segs,off,a,b in uses(mp):
        spans.append((a,b))
        ab=absolutize(mp,segs)
        if ab is None: continue
        tgt=resolve(ab)
        if tgt is None or tgt[0]=='?': unresolved.append((rel,segs,tgt)); continue
        if tgt==mp: continue
        ln=lineof(s,off)
        if pub and is_facade:
            # re-export: edge only if name used in own body
            name=segs[-1]
            body=s
            for (x,y) in [(m.start(),m.end()) for m in re.finditer(r'(?m)^[ \t]*(?:pub(?:\([^)]*\))?\s+)?use\s+[^;]*;',s)]:
                body=blank(body,x,y)
            uses_lines=[lineof(body,m.start()) for m in re.finditer(r'\b'+re.escape(name)+r'\b',body)]
            if name!='*' and uses_lines:
                edges[(rel,files[tgt])].append((ln,raw[ln-1].strip()+'   [pub use, and used at lines %s]'%uses_lines))
            else:
                edges[('REEXPORT:'+rel,files[tgt])].append((ln,raw[ln-1].strip()))
            continue
        edges[(rel,files[tgt])].append((ln,raw[ln-1].strip()))
    # inline paths outside use statements
    body=s
    for x,y in spans: body=blank(body,x,y)
    ch=children(mp)
    pat=r'(?<![\w:])((?:crate|super|self|'+'|'.join(sorted(ch) or ['__none__'])+r')(?:::\w+)+)'
    for m in re.finditer(pat,body):
        segs=m.group(1).split('::')
        if segs[0]=='self' and len(segs)<2: continue
        ab=absolutize(mp,segs)
        if ab is None: continue
        tgt=resolve(ab)
        if tgt is None or tgt[0]=='?': unresolved.append((rel,segs,tgt)); continue
        if tgt==mp: continue
        ln=lineof(s,m.start())
        edges[(rel,files[tgt])].append((ln,raw[ln-1].strip()))

def scc(nodes,adj):
    idx={};low={};st=[];on=set();out=[];c=[0]
    sys.setrecursionlimit(10000)
    def v(n):
        idx[n]=low[n]=c[0];c[0]+=1;st.append(n);on.add(n)
        for w in adj.get(n,()):
            if w not in idx: v(w); low[n]=min(low[n],low[w])
            elif w in on: low[n]=min(low[n],idx[w])
        if low[n]==idx[n]:
            comp=[]
            while True:
                w=st.pop();on.discard(w);comp.append(w)
                if w==n:break
            out.append(comp)
    for n in nodes:
        if n not in idx: v(n)
    return out

mode=sys.argv[1] if len(sys.argv)>1 else 'cycles'
for top in ('model','io'):
    nodes=[r for r in files.values() if r.startswith(top+'/')]
    adj=collections.defaultdict(set)
    for (a,b) in edges:
        if a.startswith(top+'/') and b.startswith(top+'/'): adj[a].add(b)
    print('=====',top)
    if mode=='edges':
        for a in sorted(nodes): print(a,'->',sorted(adj[a]))
        continue
    for comp in scc(sorted(nodes),adj):
        if len(comp)>1:
            comp=sorted(comp); print('CYCLE',comp)
            for a in comp:
                for b in sorted(adj[a]):
                    if b in comp:
                        for ln,t in sorted(set(edges[(a,b)])): print(f'   {a}:{ln} -> {b}: {t}')
print('UNRESOLVED',[u for u in unresolved if u[1][0] in('crate','super','self') and (len(u[1])<2 or u[1][1] in('model','io') or u[1][0]!='crate')][:50])
if mode=='dbg':
    for (a,b),v in edges.items():
        if a in sys.argv[2:] : print(a,b,v)
