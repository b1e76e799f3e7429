/**
 * What the scenario of simulated-stream.ts wrote, recorded from the simulator before its code was split
 * into modules: every line for seed 7, and for other seeds how many lines and their digest. Recorded
 * again for one change only: the sample catalogue's workflows say which customer field fills a
 * parameter (HOSTILE-29), so the catalogue's checksum (line 32 for seed 7) changed; nothing else did.
 * Recorded again for email (MAIL-*): email tasks open on a real email drawn from the task's own
 * generator (so the other draws stay where they were), their customers write follow-up emails at a
 * sixth of the chat pace and without typing events, and the agent's emails go sending, sent, delivered.
 * So for seed 7 the first email's digest changes (line 137), and from the email task's first follow-up
 * on (line 218) the typing events and chat-pace follow-ups of that task are gone and the draws after
 * them move: 737 lines became 659. Seeds 42 and 2026 changed the same way.
 */
export const RECORDED_SEED = 7;

export const RECORDED_DIGESTS: Readonly<Record<number, { lines: number; digest: string }>> = {
  1: { lines: 610, digest: 'e008a795' },
  42: { lines: 648, digest: '46b0b2a6' },
  2026: { lines: 699, digest: '1684c7a4' },
};

export const RECORDED_LINES = `
+0 C connecting
+21 C online
+150 > connect ok #9b61ad43
+211 E 1 media-state chat signed-in/not-ready/routable sign-in #198c8f61
+300 > signIn chat ok #9b61ad43
+367 E 2 media-state sms failed/not-ready/routable sign-in #1171bd48
+450 > signIn sms rejected: Gateway busy
+494 E 3 media-state social signed-in/not-ready/routable sign-in #f997a430
+600 > signIn social ok #9b61ad43
+675 E 4 media-state email signed-in/not-ready/routable sign-in #fda3a3a2
+750 > signIn email ok #9b61ad43
+843 E 5 media-state sms signed-in/not-ready/routable sign-in #ebb7b142
+900 > signIn sms ok #9b61ad43
+946 E 6 media-state chat signed-in/ready/routable agent #240e17e2
+1050 > setState chat ready ok #9b61ad43
+1086 E 7 media-state sms signed-in/ready/routable agent #2467f3a4
+1200 > setState sms ready ok #9b61ad43
+1296 E 8 media-state social signed-in/ready/routable agent #d54578a9
+1300 E 9 task chat-1 offered offered #bc9b68ad
+1300 E 10 message chat-1 m2 system #a69f9eb8
+1300 E 11 message chat-1 m3 bot #5f4440cd
+1300 E 12 message chat-1 m4 customer #68276a0a
+1300 E 13 message chat-1 m5 bot #5132b642
+1300 E 14 message chat-1 m6 customer #2ce5781c
+1300 E 15 message chat-1 m7 bot #1103b6f1
+1300 E 16 message chat-1 m8 system #8f63c409
+1350 > setState social ready ok #9b61ad43
+1500 > setState email ready rejected: Network error
+1575 E 17 media-state email signed-in/ready/routable agent #0d47d994
+1650 > setState email ready ok #9b61ad43
+1800 > signIn fax unknown-media: Unknown media "fax"
+1950 > catalogue ok #ec8edfe6
+2067 E 18 task chat-1 active accepted #ef92d56e
+2100 > accept chat-1 ok #9b61ad43
+2250 > typing chat-1 ok #9b61ad43
+2353 E 19 message chat-1 m9 agent sent #88074162
+2400 > send chat-1 c0-0 ok #9b61ad43
+2550 > loadHistory chat-1 ok #ab36484e
+2849 E 20 task chat-10 offered offered #a77b2d2c
+2849 E 21 message chat-10 m11 system #7f42f928
+2849 E 22 message chat-10 m12 bot #c88a59af
+2849 E 23 message chat-10 m13 customer #b7aa70ae
+2849 E 24 message chat-10 m14 bot #5ce1ea94
+2849 E 25 message chat-10 m15 customer #b47cfbb4
+2849 E 26 message chat-10 m16 bot #ac545e73
+2849 E 27 message chat-10 m17 system #a1806505
+2893 E 28 receipt chat-1 m9 delivered #a20e0cc5
+4869 E 29 receipt chat-1 m9 read #48e11398
+6542 E 30 typing chat-1 true #dc814cdd
+6662 E 31 task chat-10 active accepted #9f1064d9
+6700 > accept chat-10 ok #9b61ad43
+6803 E 32 message chat-10 m18 agent sent #3913b1c7
+6850 > send chat-10 c1-1 ok #9b61ad43
+6962 E 33 message chat-1 m19 system #d5749162
+7000 > workflow survey chat-1 ok #9b61ad43
+7032 E 34 message chat-1 m20 system #bc2709c0
+7150 > workflow escalate chat-1 rejected: No supervisor available
+7958 E 35 receipt chat-10 m18 delivered #d01ac8b2
+10595 E 36 message chat-1 m21 customer #582880ee
+10634 E 37 task chat-22 offered offered #18569d81
+10634 E 38 message chat-22 m23 system #02686fa4
+10634 E 39 message chat-22 m24 bot #b7e00587
+10634 E 40 message chat-22 m25 customer #7a8bd7a1
+10634 E 41 message chat-22 m26 bot #555a72c3
+10634 E 42 message chat-22 m27 customer #bbbdc47e
+10634 E 43 message chat-22 m28 bot #b9b07138
+10634 E 44 message chat-22 m29 system #4012a1bc
+10783 E 45 receipt chat-10 m18 read #d92d4ef6
+12713 E 46 task chat-22 active accepted #3c746d79
+12800 > accept chat-22 ok #9b61ad43
+12950 > typing chat-1 ok #9b61ad43
+13025 E 47 message chat-1 m30 agent sent #7d1d93ed
+13100 > send chat-1 c2-0 ok #9b61ad43
+13144 E 48 message chat-22 m31 agent sent #8538eee2
+13250 > send chat-22 c2-2 ok #9b61ad43
+13272 E 49 message chat-1 m32 system #efe553b3
+13400 > workflow create-case chat-1 ok #9b61ad43
+13429 E 50 typing chat-10 true #a9a90ba5
+13550 > workflow create-case bad chat-1 invalid: Invalid parameters: subject, email
+13653 E 51 receipt chat-22 m31 delivered #10c91d3f
+13838 E 52 receipt chat-1 m30 delivered #61aca056
+15189 E 53 receipt chat-22 m31 read #9716c30e
+16885 E 54 receipt chat-1 m30 read #62390d77
+17321 E 55 message chat-10 m33 customer #f93f8208
+17623 E 56 typing chat-22 true #c7f38319
+20635 E 57 message chat-10 m34 agent sent #a2fd2a1e
+20700 > send chat-10 c3-1 ok #9b61ad43
+20782 E 58 message chat-1 m35 system #2c44aa6e
+20850 > workflow callback chat-1 ok #9b61ad43
+21650 E 59 typing chat-1 true #384646c6
+21940 E 60 receipt chat-10 m34 delivered #a72f7965
+22538 E 61 typing chat-10 true #5d23a2ae
+22582 E 62 message chat-22 m36 customer #664e6a97
+24067 E 63 message chat-1 m37 customer #18a8add4
+24707 E 64 receipt chat-10 m34 read #c476cfa3
+25021 E 65 message chat-10 m38 customer #97d31c5a
+29500 > typing chat-1 ok #9b61ad43
+29601 E 66 message chat-1 m39 agent sent #93701bd5
+29650 > send chat-1 c4-0 ok #9b61ad43
+29744 E 67 message chat-22 m40 agent sent #277673bf
+29800 > send chat-22 c4-2 ok #9b61ad43
+29800 E 68 message chat-1 m41 customer #77e56628
+29800 ! customerMessage chat-1 #ae29884d
+29800 E 69 typing chat-1 true #cfcf1997
+29800 ! customerTyping chat-1 #9b61ad43
+30902 E 70 receipt chat-22 m40 delivered #2b72340d
+30963 E 71 receipt chat-1 m39 delivered #90be6348
+32627 E 72 typing chat-10 true #b055b8c1
+33277 E 73 typing chat-22 true #d145c354
+33839 E 74 message chat-10 m42 agent sent #838deaf4
+33925 E 75 receipt chat-22 m40 read #1aa3d183
+33950 > send chat-10 c5-1 ok #9b61ad43
+34018 E 76 message chat-1 m43 system #476ae433
+34018 E 77 task chat-1 closed ended #a7b09f20
+34100 > end chat-1 ok #9b61ad43
+34894 E 78 receipt chat-10 m42 delivered #dc0edf96
+36043 E 79 task social-44 offered offered #e459bb87
+36043 E 80 message social-44 m45 system #f591778b
+36043 E 81 message social-44 m46 bot #59ee4061
+36043 E 82 message social-44 m47 customer #bfe8960c
+36043 E 83 message social-44 m48 bot #a2a122c4
+36043 E 84 message social-44 m49 customer #61e70803
+36043 E 85 message social-44 m50 bot #e40ead13
+36043 E 86 message social-44 m51 system #da60a2a2
+36095 E 87 message chat-10 m52 customer #0e7bea55
+37664 E 88 message chat-22 m53 customer #80d6d5b9
+37708 E 89 receipt chat-10 m42 read #208e2228
+37849 E 90 typing chat-10 true #42552b87
+39750 > typing chat-10 ok #9b61ad43
+39811 E 91 message chat-10 m54 agent sent #d323b462
+39900 > send chat-10 c6-0 ok #9b61ad43
+40050 > loadHistory chat-10 ok #1ef704cd
+40874 E 92 receipt chat-10 m54 delivered #30ec0ad0
+41981 E 93 message chat-10 m55 customer #2413c4f7
+43692 E 94 receipt chat-10 m54 read #89058572
+44240 E 95 task email-56 offered offered #f2b3c4b5
+44240 E 96 message email-56 m57 customer #cf033f5e
+47120 E 97 message chat-22 m58 agent sent #d912919d
+47200 > send chat-22 c7-1 ok #9b61ad43
+47290 E 98 message chat-10 m59 system #12fd0a43
+47350 > workflow survey chat-10 ok #9b61ad43
+47463 E 99 message chat-10 m60 system #e9d521ef
+47500 > workflow escalate chat-10 rejected: No supervisor available
+48056 E 100 receipt chat-22 m58 delivered #949643ea
+50933 E 101 receipt chat-22 m58 read #1c05ba68
+52258 E 102 typing chat-22 true #b414fe60
+55430 E 103 message chat-22 m61 customer #bf339275
+56150 > typing chat-10 ok #9b61ad43
+56256 E 104 message chat-10 m62 agent sent #27272c62
+56300 > send chat-10 c8-0 ok #9b61ad43
+56350 E 105 message chat-10 m63 system #02bd7560
+56450 > workflow create-case chat-10 ok #9b61ad43
+56600 > workflow create-case bad chat-10 invalid: Invalid parameters: subject, email
+57139 E 106 receipt chat-10 m62 delivered #66f057e3
+60348 E 107 receipt chat-10 m62 read #a9585f2a
+60716 E 108 message chat-22 m64 agent sent #f08725f7
+60750 > send chat-22 c9-1 ok #9b61ad43
+60796 E 109 message chat-10 m65 system #0b42421e
+60900 > workflow callback chat-10 ok #9b61ad43
+61534 E 110 receipt chat-22 m64 delivered #e9ea15e0
+63202 E 111 receipt chat-22 m64 read #705945c5
+66513 E 112 task social-44 active accepted #5030a9cd
+66550 > accept social-44 ok #9b61ad43
+66653 E 113 task email-56 active accepted #a6929e6e
+66700 > accept email-56 ok #9b61ad43
+66850 > typing chat-10 ok #9b61ad43
+66968 E 114 message chat-10 m66 agent sent #50df8004
+67000 > send chat-10 c10-0 ok #9b61ad43
+67074 E 115 message social-44 m67 agent sent #24e4be65
+67150 > send social-44 c10-2 ok #9b61ad43
+67150 E 116 message chat-10 m68 customer #108cca91
+67150 ! customerMessage chat-10 #35f7bc86
+67150 E 117 typing chat-10 true #7b52b4e5
+67150 ! customerTyping chat-10 #9b61ad43
+67750 E 118 receipt chat-10 m66 delivered #c77a4dd3
+67965 E 119 receipt social-44 m67 delivered #d522eeb4
+70049 E 120 typing chat-10 true #92e39e2f
+71024 E 121 receipt social-44 m67 read #9f3f6eff
+71151 E 122 receipt chat-10 m66 read #1ca2f2e4
+71749 E 123 typing chat-22 true #cc9f7a67
+73688 E 124 typing social-44 true #bcf94616
+73913 E 125 message chat-10 m69 customer #4b13b2f6
+74168 E 126 message chat-22 m70 customer #5621c61a
+74225 E 127 message chat-22 m71 agent sent #4f92e748
+74300 > send chat-22 c11-1 ok #9b61ad43
+74415 E 128 message chat-10 m72 system #9e6ee087
+74415 E 129 task chat-10 closed ended #6a8fc7fc
+74450 > end chat-10 ok #9b61ad43
+75584 E 130 task social-73 offered offered #b93249e2
+75584 E 131 message social-73 m74 system #738d41cd
+75584 E 132 message social-73 m75 bot #af049cf4
+75584 E 133 message social-73 m76 customer #de2454fd
+75584 E 134 message social-73 m77 bot #8f2ad4a6
+75584 E 135 message social-73 m78 customer #21619733
+75584 E 136 message social-73 m79 bot #b796c5a3
+75584 E 137 message social-73 m80 system #34b67405
+75613 E 138 receipt chat-22 m71 delivered #d18789ca
+77367 E 139 message social-44 m81 customer #b7baeec9
+79537 E 140 receipt chat-22 m71 read #313616b3
+83100 > typing chat-22 ok #9b61ad43
+83137 E 141 message chat-22 m82 agent sent #67ba5f58
+83250 > send chat-22 c12-0 ok #9b61ad43
+83280 E 142 message email-56 m83 agent sent #22d2b455
+83400 > send email-56 c12-2 ok #9b61ad43
+83550 > loadHistory chat-22 ok #937ca391
+83863 E 143 receipt email-56 m83 delivered #3d61d16a
+84389 E 144 receipt chat-22 m82 delivered #e30eb954
+86022 E 145 task chat-84 offered offered #378eab88
+86022 E 146 message chat-84 m85 system #77fb3e75
+86022 E 147 message chat-84 m86 bot #f375e7ed
+86022 E 148 message chat-84 m87 customer #b2654c45
+86022 E 149 message chat-84 m88 bot #03070715
+86022 E 150 message chat-84 m89 customer #2f1230f6
+86022 E 151 message chat-84 m90 bot #87f5eb04
+86022 E 152 message chat-84 m91 system #4478c49f
+86041 E 153 receipt email-56 m83 read #b950314a
+87363 E 154 receipt chat-22 m82 read #ea8fc1a4
+87639 E 155 task chat-84 active accepted #d2d2b494
+87700 > accept chat-84 ok #9b61ad43
+87724 E 156 message social-44 m92 agent sent #dd24a3b2
+87850 > send social-44 c13-1 ok #9b61ad43
+87942 E 157 message chat-22 m93 system #17b2c2d4
+88000 > workflow survey chat-22 ok #9b61ad43
+88109 E 158 message chat-22 m94 system #eb66dc87
+88150 > workflow escalate chat-22 rejected: No supervisor available
+88406 E 159 receipt social-44 m92 delivered #29e1404f
+90287 E 160 message email-56 m95 customer #11861422
+90610 E 161 receipt social-44 m92 read #81e3f090
+93800 > typing chat-22 ok #9b61ad43
+93852 E 162 message chat-22 m96 agent sent #9660a2ce
+93950 > send chat-22 c14-0 ok #9b61ad43
+93981 E 163 message email-56 m97 agent sent #02a77ec5
+94100 > send email-56 c14-2 ok #9b61ad43
+94189 E 164 message chat-22 m98 system #f24740a6
+94250 > workflow create-case chat-22 ok #9b61ad43
+94400 > workflow create-case bad chat-22 invalid: Invalid parameters: subject, email
+94447 E 165 receipt chat-22 m96 delivered #1ace156b
+95469 E 166 receipt email-56 m97 delivered #714b776d
+97146 E 167 receipt email-56 m97 read #c3521ed8
+97179 E 168 typing social-44 true #5d056c82
+97242 E 169 receipt chat-22 m96 read #3e5c93f4
+97391 E 170 typing chat-22 true #b2982f27
+97517 E 171 task chat-99 offered offered #e084af64
+97517 E 172 message chat-99 m100 system #d72325e4
+97517 E 173 message chat-99 m101 bot #4b3a16ea
+97517 E 174 message chat-99 m102 customer #b0744441
+97517 E 175 message chat-99 m103 bot #fc01a11a
+97517 E 176 message chat-99 m104 customer #1464821f
+97517 E 177 message chat-99 m105 bot #517f0623
+97517 E 178 message chat-99 m106 system #e74da238
+99666 E 179 message social-44 m107 customer #475320ca
+101499 E 180 task social-73 active accepted #af65ae20
+101550 > accept social-73 ok #9b61ad43
+101657 E 181 task chat-99 active accepted #9d5549e6
+101700 > accept chat-99 ok #9b61ad43
+101791 E 182 message social-44 m108 agent sent #b91c76a7
+101850 > send social-44 c15-1 ok #9b61ad43
+101934 E 183 message chat-22 m109 system #83de11de
+102000 > workflow callback chat-22 ok #9b61ad43
+102032 E 184 message chat-22 m110 customer #84a7eac7
+102042 E 185 message email-56 m111 customer #bf8f2679
+103156 E 186 receipt social-44 m108 delivered #bc7d83b5
+104388 E 187 typing chat-22 true #c21dda6f
+106376 E 188 receipt social-44 m108 read #2216b79a
+107598 E 189 message chat-22 m112 customer #b5aa0805
+107859 E 190 typing social-44 true #4467188c
+110650 > send refused rejected: Carrier refused
+110713 E 191 message chat-22 m113 agent sent #6d3bfca1
+110800 > send refused again ok #9b61ad43
+110844 E 192 message chat-22 m114 agent sent #d531473e
+110844 E 193 receipt chat-22 m114 failed (The message could not be delivered) #5096f651
+110950 > send undelivered ok #9b61ad43
+111044 E 194 receipt chat-22 m114 sent #50cb024b
+111100 > send undelivered retry ok #9b61ad43
+111250 > send empty invalid: The message is empty
+111400 > loadHistory failing rejected: History down
+111550 > catalogue failing rejected: Templates and workflows are not available
+111582 E 195 message chat-22 m115 system #601b3dec
+111654 E 196 message social-44 m116 customer #9d31c25f
+111700 > workflow failing rejected: Timed out
+111700 E 197 message chat-22 m117 system #c31ab4b1
+111700 ! customerLeaves #9b61ad43
+111775 E 198 message chat-22 m118 agent sent #b15101e2
+111775 E 199 receipt chat-22 m118 failed (The customer has left the conversation) #780441cb
+111850 > send to a customer who left ok #9b61ad43
+111850 ! customerLeaves again #9b61ad43
+112000 > send unknown task unknown-task: The task "__proto__" is not held by the agent
+112000 ! customerMessage unknown unknown-task: Unknown task "nope"
+112000 C offline
+112000 ! serverSetState email #9b61ad43
+112150 > signIn while offline offline: Not connected to the server
+132150 C connecting
+132246 C online
+132300 > restoreConnection ok #9b61ad43
+132450 > snapshot ok #7fe0e988
+132450 ! serverSetState chat #9b61ad43
+132450 ! offer sms #cfe174fe
+132450 E 208 bogus raw #abe1ca56
+132450 ! injectRawEvent #9b61ad43
+132450 ! injectRawEvent far throws TypeError: Cannot read properties of undefined (reading 'media')
+132493 E 209 task sms-121 active accepted #9a31465a
+132600 > accept sms-121 ok #9b61ad43
+132720 E 210 media-state chat signed-in/ready/routable agent #19c56acf
+132750 > setState chat ready ok #9b61ad43
+132787 E 211 media-state email signed-in/ready/routable agent #b40a0a2a
+132900 > setState email ready ok #9b61ad43
+133050 > typing chat-22 ok #9b61ad43
+133087 E 212 message chat-22 m122 agent sent #3ea9aeaa
+133087 E 213 receipt chat-22 m122 failed (The customer has left the conversation) #8a66d69e
+133200 > send chat-22 c16-0 ok #9b61ad43
+133224 E 214 message email-56 m123 agent sent #54e283be
+133350 > send email-56 c16-2 ok #9b61ad43
+133350 E 215 message chat-22 m124 customer #32242591
+133350 ! customerMessage chat-22 #a537b1be
+133350 E 216 typing chat-22 true #b52ee388
+133350 ! customerTyping chat-22 #9b61ad43
+134225 E 217 typing chat-84 true #c4c9f718
+134426 E 218 receipt email-56 m123 delivered #df7ace05
+136201 E 219 typing social-73 true #ffad180c
+136245 E 220 message chat-84 m125 customer #226642c2
+136290 E 221 message chat-99 m126 customer #5eaa2367
+137399 E 222 message social-44 m127 agent sent #0b3dd1e3
+137500 > send social-44 c17-1 ok #9b61ad43
+137588 E 223 receipt email-56 m123 read #6b07dba1
+137590 E 224 message chat-22 m128 system #20085425
+137590 E 225 task chat-22 closed ended #e3c37755
+137650 > end chat-22 ok #9b61ad43
+138451 E 226 receipt social-44 m127 delivered #d339f443
+138552 E 227 typing social-44 true #c55c64d5
+139809 E 228 message social-73 m129 customer #2d0511fa
+141537 E 229 receipt social-44 m127 read #8aed95e2
+142193 E 230 message social-44 m130 customer #0c91a496
+142812 E 231 message email-56 m131 customer #7b73eb1a
+143300 > typing social-44 ok #9b61ad43
+143394 E 232 message social-44 m132 agent sent #6820f654
+143450 > send social-44 c18-0 ok #9b61ad43
+143548 E 233 message social-73 m133 agent sent #fd23c7d7
+143600 > send social-73 c18-2 ok #9b61ad43
+143750 > loadHistory social-44 ok #fb90e159
+144469 E 234 receipt social-44 m132 delivered #c3a11af3
+144575 E 235 receipt social-73 m133 delivered #3b60216d
+145388 E 236 task sms-134 offered offered #01d09c3d
+145388 E 237 message sms-134 m135 customer #995138fe
+147379 E 238 typing chat-84 true #9879ecbf
+147503 E 239 receipt social-44 m132 read #ce32634c
+147612 E 240 receipt social-73 m133 read #00318833
+147679 E 241 task social-136 offered offered #8ad2b237
+147679 E 242 message social-136 m137 system #2dcf62ed
+147679 E 243 message social-136 m138 bot #93274985
+147679 E 244 message social-136 m139 customer #e920a652
+147679 E 245 message social-136 m140 bot #8a33be23
+147679 E 246 message social-136 m141 customer #517d3589
+147679 E 247 message social-136 m142 bot #c00072b9
+147679 E 248 message social-136 m143 system #4415c472
+149269 E 249 typing social-73 true #be66f1f2
+149904 E 250 typing social-44 true #e74c2d5e
+150021 E 251 task chat-144 offered offered #ce1d4d11
+150021 E 252 message chat-144 m145 system #318cb670
+150021 E 253 message chat-144 m146 bot #20e27c8d
+150021 E 254 message chat-144 m147 customer #c00145da
+150021 E 255 message chat-144 m148 bot #2f51e534
+150021 E 256 message chat-144 m149 customer #38039b11
+150021 E 257 message chat-144 m150 bot #dae5bad9
+150021 E 258 message chat-144 m151 system #96023a0e
+150193 E 259 message chat-84 m152 customer #ef5d0dd6
+150772 E 260 task sms-134 active accepted #52b01b5e
+150900 > accept sms-134 ok #9b61ad43
+150941 E 261 task chat-144 active accepted #0339599c
+151050 > accept chat-144 ok #9b61ad43
+151116 E 262 message email-56 m153 agent sent #a9934901
+151200 > send email-56 c19-1 ok #9b61ad43
+151266 E 263 message social-44 m154 system #e36dfde3
+151350 > workflow survey social-44 ok #9b61ad43
+151407 E 264 message social-44 m155 system #fae77018
+151422 E 265 typing chat-84 true #98e2b2f5
+151500 > workflow escalate social-44 rejected: No supervisor available
+151769 E 266 receipt email-56 m153 delivered #bb5e8dd1
+152370 E 267 message social-73 m156 customer #2f2856ea
+153441 E 268 message chat-84 m157 customer #74d3291b
+154199 E 269 message social-44 m158 customer #b83128ea
+154333 E 270 receipt email-56 m153 read #c6e763a5
+154573 E 271 task email-159 offered offered #68aa7e19
+154573 E 272 message email-159 m160 customer #e4d3fc69
+155152 E 273 typing sms-134 true #6165c276
+158319 E 274 message email-56 m161 customer #9c4516b6
+159141 E 275 message sms-134 m162 customer #a809dc0e
+160000 ! nextSeq #abe075d0
+160000 ! typingCalls #1beb2a44
+160000 C offline
+160000 ! restored tasks #6602b937
+160000 C connecting
+160021 C online
+160150 > connect again ok #9b61ad43
+160300 > snapshot after reload ok #7c03ff5d
+160340 E 276 task social-136 active accepted #38d04320
+160450 > accept social-136 ok #9b61ad43
+160499 E 277 task email-159 active accepted #7f80cd43
+160600 > accept email-159 ok #9b61ad43
+160750 > typing social-44 ok #9b61ad43
+160868 E 278 message social-44 m163 agent sent #9b45a3e8
+160900 > send social-44 c20-0 ok #9b61ad43
+161008 E 279 message social-73 m164 agent sent #9e1c3430
+161050 > send social-73 c20-2 ok #9b61ad43
+161084 E 280 message social-44 m165 system #429dd6ed
+161200 > workflow create-case social-44 ok #9b61ad43
+161350 > workflow create-case bad social-44 invalid: Invalid parameters: subject, email
+161615 E 281 receipt social-44 m163 delivered #7a191218
+161699 E 282 receipt social-73 m164 delivered #e3277b36
+163412 E 283 typing sms-134 true #c76d5f0d
+164485 E 284 receipt social-44 m163 read #61994cfe
+165103 E 285 receipt social-73 m164 read #fa7f62c3
+165432 E 286 message email-56 m166 agent sent #9e966576
+165500 > send email-56 c21-1 ok #9b61ad43
+165508 E 287 typing social-73 true #c240fa7b
+165603 E 288 message social-44 m167 system #48282b59
+165650 > workflow callback social-44 ok #9b61ad43
+165984 E 289 typing sms-121 true #00db7f99
+166845 E 290 typing social-44 true #6db4b1ee
+166854 E 291 receipt email-56 m166 delivered #e9573362
+168033 E 292 message social-73 m168 customer #10267b77
+168045 E 293 message sms-121 m169 customer #c160a429
+168151 E 294 message sms-134 m170 customer #023b6b28
+169420 E 295 receipt email-56 m166 read #91f76b43
+169516 E 296 typing social-136 true #96dc697f
+169952 E 297 message social-44 m171 customer #1d3fc92f
+170423 E 298 typing social-44 true #03b3ed84
+171300 > typing social-44 ok #9b61ad43
+171324 E 299 message social-44 m172 agent sent #1b0345c1
+171450 > send social-44 c22-0 ok #9b61ad43
+171562 E 300 message social-73 m173 agent sent #6bfaf143
+171600 > send social-73 c22-2 ok #9b61ad43
+171600 E 301 message social-44 m174 customer #8c43adcb
+171600 ! customerMessage social-44 #1be38bce
+171600 E 302 typing social-44 true #0b7dacab
+171600 ! customerTyping social-44 #9b61ad43
+171932 E 303 message social-136 m175 customer #43fb80bb
+172377 E 304 typing social-136 true #87beb100
+172509 E 305 receipt social-44 m172 delivered #56342749
+172610 E 306 receipt social-73 m173 delivered #4eed9e76
+173390 E 307 message social-44 m176 customer #93be645f
+174340 E 308 typing social-73 true #f033add1
+174646 E 309 typing social-44 true #2e7d0a61
+174978 E 310 message email-56 m177 customer #7a20f0ab
+175333 E 311 receipt social-44 m172 read #c70daef4
+175733 E 312 receipt social-73 m173 read #83bf9d5b
+176140 E 313 typing chat-84 true #17421125
+177136 E 314 message social-136 m178 customer #8d169583
+178692 E 315 message email-56 m179 agent sent #c377189f
+178750 > send email-56 c23-1 ok #9b61ad43
+178846 E 316 message social-44 m180 system #65b4cbdc
+178846 E 317 task social-44 closed ended #c4ed3e18
+178900 > end social-44 ok #9b61ad43
+179221 E 318 message social-73 m181 customer #d2a77b3b
+179548 E 319 typing sms-134 true #46b00190
+179688 E 320 message chat-84 m182 customer #ebaf6578
+179742 E 321 receipt email-56 m179 delivered #a2241953
+182317 E 322 receipt email-56 m179 read #c3e42148
+183220 E 323 message sms-134 m183 customer #d04ad8eb
+184091 E 324 typing chat-84 true #e6bd5b43
+186195 E 325 typing chat-99 true #d85b0d0f
+186822 E 326 message email-56 m184 customer #39d40dda
+187028 E 327 message chat-84 m185 customer #5fb0de4d
+187550 > typing email-56 ok #9b61ad43
+187571 E 328 message email-56 m186 agent sent #629d5301
+187700 > send email-56 c24-0 ok #9b61ad43
+187779 E 329 message chat-84 m187 agent sent #36841b40
+187850 > send chat-84 c24-2 ok #9b61ad43
+188000 > loadHistory email-56 ok #741638a5
+188690 E 330 receipt email-56 m186 delivered #337ab84b
+188907 E 331 typing chat-144 true #ecb500bc
+188996 E 332 receipt chat-84 m187 delivered #8702a137
+189497 E 333 typing chat-84 true #088947c1
+190885 E 334 receipt email-56 m186 read #49b6c1c4
+191025 E 335 message chat-99 m188 customer #35b21158
+191914 E 336 message chat-84 m189 customer #de5b7282
+192036 E 337 message social-73 m190 agent sent #4914dad2
+192057 E 338 receipt chat-84 m187 read #51ef5aa6
+192150 > send social-73 c25-1 ok #9b61ad43
+192256 E 339 message email-56 m191 system #e4f0953e
+192300 > workflow survey email-56 ok #9b61ad43
+192450 > workflow escalate email-56 invalid: The workflow "escalate" does not apply to email
+192857 E 340 message chat-144 m192 customer #974eaa68
+192932 E 341 receipt social-73 m190 delivered #7d056ed1
+194684 E 342 typing chat-84 true #08f491ec
+196043 E 343 task social-193 offered offered #f4ce3492
+196043 E 344 message social-193 m194 system #47e85f90
+196043 E 345 message social-193 m195 bot #8ff003c6
+196043 E 346 message social-193 m196 customer #829f73ae
+196043 E 347 message social-193 m197 bot #abd9c4da
+196043 E 348 message social-193 m198 customer #0f8d427a
+196043 E 349 message social-193 m199 bot #94c864eb
+196043 E 350 message social-193 m200 system #7b29fe93
+196847 E 351 message email-56 m201 customer #93baa151
+196908 E 352 receipt social-73 m190 read #5a4d2b33
+197950 ! offer email #9b61ad43
+199551 E 353 message chat-84 m202 customer #b0da29da
+208998 E 354 typing social-136 true #d9775b3e
+209719 E 355 task social-193 rescinded rescinded #ce2d4d68
+210737 E 356 typing social-73 true #c5fa69e7
+212495 E 357 message social-136 m203 customer #f0885003
+213818 E 358 message social-73 m204 customer #04c21bd2
+214198 E 359 typing sms-134 true #5d52aa15
+217788 E 360 message sms-134 m205 customer #7f94d6cf
+221594 E 361 typing chat-144 true #7aeef56f
+222034 E 362 typing chat-99 true #26631d9c
+224274 E 363 message chat-99 m206 customer #4b4fb63c
+224472 E 364 message chat-144 m207 customer #7bd413b8
+226286 E 365 typing sms-121 true #01958a50
+227846 E 366 typing chat-99 true #6415ab5b
+230769 E 367 message sms-121 m208 customer #d9d9f439
+230917 E 368 message chat-99 m209 customer #e5a87240
+235359 E 369 typing social-136 true #9b819098
+236578 E 370 typing chat-144 true #ac247985
+238111 E 371 message email-56 m210 customer #402d92dd
+239850 E 372 message social-136 m211 customer #c9d94ccd
+240232 E 373 message chat-144 m212 customer #bf87b371
+242096 E 374 typing social-73 true #9da2a01b
+244976 E 375 message social-73 m213 customer #232b1e31
+245710 E 376 typing social-136 true #f1723083
+246220 E 377 typing sms-134 true #2584d7e7
+248043 E 378 typing chat-144 true #a03d4df2
+249530 E 379 message sms-134 m214 customer #9e582409
+250668 E 380 message social-136 m215 customer #b0db150f
+252015 E 381 message chat-144 m216 customer #d3e229bf
+256090 E 382 typing sms-121 true #7f3067b7
+256886 E 383 message email-159 m217 customer #485ea5da
+258362 E 384 message sms-121 m218 customer #2c41c032
+270144 E 385 typing sms-134 true #2a56cf07
+270405 E 386 typing chat-144 true #9d770815
+272607 E 387 message chat-144 m219 customer #53cbf244
+273069 E 388 task sms-220 offered offered #1f761d2b
+273069 E 389 message sms-220 m221 customer #7846de1e
+275038 E 390 message sms-134 m222 customer #023ed651
+277782 E 391 typing sms-134 true #c949fb84
+278443 E 392 typing chat-99 true #bc69bd47
+279096 E 393 typing sms-121 true #6884b5e0
+282278 E 394 message sms-134 m223 customer #2c53a2a5
+282488 E 395 typing social-136 true #361eb274
+282610 E 396 message chat-99 m224 customer #87626626
+282750 E 397 message sms-121 m225 customer #91e64dd8
+284948 E 398 message social-136 m226 customer #4f44b6af
+285212 E 399 typing social-73 true #f356d566
+289943 E 400 message social-73 m227 customer #48ca6a04
+290911 E 401 typing chat-99 true #209cedc6
+290961 E 402 typing sms-134 true #5831e901
+292490 E 403 typing chat-84 true #1e56af8d
+292766 E 404 message email-56 m228 customer #c49f8fb6
+294391 E 405 message chat-99 m229 customer #91f25a8b
+295348 E 406 message sms-134 m230 customer #d3a79278
+295889 E 407 typing chat-144 true #d2b023c8
+297399 E 408 message chat-84 m231 customer #7db6a734
+298392 E 409 message chat-144 m232 customer #ba862b0b
+299076 E 410 typing sms-134 true #6b6351e4
+299475 E 411 typing social-136 true #ee7394fd
+301323 E 412 message sms-134 m233 customer #ba5ff12c
+303243 E 413 message social-136 m234 customer #0314d39b
+305556 E 414 typing social-136 true #7f40098c
+308896 E 415 message social-136 m235 customer #08d05119
+312671 E 416 message email-159 m236 customer #2a277894
+318069 E 417 task sms-220 missed missed #60a9b693
+318069 E 418 media-state sms signed-in/ready/held missed-offer #f4ea3802
+318069 E 419 media-state chat signed-in/not-ready/routable missed-offer #bd102765
+318069 E 420 media-state sms signed-in/not-ready/held missed-offer #0b26024d
+318069 E 421 media-state social signed-in/not-ready/routable missed-offer #d1dfb53f
+322887 E 422 typing sms-121 true #6e22afe1
+323826 E 423 typing chat-144 true #1ec07474
+324148 E 424 typing social-73 true #afc4d95a
+324286 E 425 message email-159 m237 customer #50027f1b
+325206 E 426 message sms-121 m238 customer #2d7c340e
+327057 E 427 message social-73 m239 customer #98f227e2
+327459 E 428 message chat-144 m240 customer #27fcb0a7
+327505 E 429 typing chat-144 true #b58f6597
+329494 E 430 typing chat-84 true #9fefe746
+330051 E 431 message chat-144 m241 customer #37eb75c2
+332339 E 432 message chat-84 m242 customer #cf1dbfcd
+336069 E 433 typing sms-121 true #40a01249
+339036 E 434 message sms-121 m243 customer #e77c76c3
+342968 E 435 typing chat-99 true #c6b10c3c
+346522 E 436 message chat-99 m244 customer #9fca2592
+347644 E 437 typing sms-134 true #cfaba46f
+347691 E 438 typing social-73 true #81f89a42
+350305 E 439 message social-73 m245 customer #8a79f7fc
+351868 E 440 message sms-134 m246 customer #85cf4e83
+352062 E 441 typing sms-134 true #3bbc7dc6
+352764 E 442 typing chat-144 true #49ef2fd7
+355556 E 443 typing chat-99 true #57c6780d
+356825 E 444 message sms-134 m247 customer #f2948934
+356879 E 445 message chat-144 m248 customer #0a788535
+357780 E 446 message chat-99 m249 customer #b3e71d06
+365285 E 447 typing sms-134 true #4c379f96
+366126 E 448 typing chat-84 true #3e293267
+368977 E 449 message chat-84 m250 customer #d737ee2c
+370046 E 450 message sms-134 m251 customer #02ee4f9e
+371656 E 451 typing sms-134 true #45331571
+373647 E 452 typing chat-99 true #77f47276
+374668 E 453 typing chat-84 true #bb14bd20
+376254 E 454 message sms-134 m252 customer #bb598757
+378241 E 455 message chat-99 m253 customer #0010ac46
+378732 E 456 message chat-84 m254 customer #12272918
+382050 E 457 typing chat-84 true #a805b539
+383310 E 458 typing social-136 true #beaf1aa7
+386030 E 459 message chat-84 m255 customer #bbb118d4
+386799 E 460 message social-136 m256 customer #91942154
+389982 E 461 typing chat-84 true #192a0e53
+390162 E 462 typing social-73 true #4ec660b7
+393720 E 463 message social-73 m257 customer #7c11e0e8
+393819 E 464 typing chat-144 true #a6d53a31
+393947 E 465 typing chat-99 true #5a9ab84b
+394115 E 466 message chat-84 m258 customer #6d04e7e5
+395513 E 467 typing chat-84 true #96bdb41b
+396193 E 468 message chat-144 m259 customer #77d5d7e1
+397926 E 469 message chat-99 m260 customer #3c94223e
+398041 E 470 message chat-84 m261 system #3b3b1cf1
+398041 E 471 task chat-84 transferred transferred #c494d5ed
+398041 E 472 message chat-99 m262 system #de333f66
+398041 E 473 task chat-99 transferred transferred #b647fa17
+398041 E 474 message chat-144 m263 system #7a9e0395
+398041 E 475 task chat-144 transferred transferred #85d3d96f
+398041 E 476 media-state chat signed-out/not-ready/routable agent #89940336
+398041 E 477 message social-73 m264 system #5da8c73b
+398041 E 478 task social-73 transferred transferred #b9c45522
+398041 E 479 message social-136 m265 system #1e57e78c
+398041 E 480 task social-136 transferred transferred #7c70255e
+398041 E 481 media-state social signed-out/not-ready/routable agent #440f093f
+398100 > signOut chat social transfer ok #9b61ad43
+398171 E 482 message sms-121 m266 system #11bdd0a5
+398171 E 483 task sms-121 closed ended #fff03842
+398171 E 484 message sms-134 m267 system #e2a166be
+398171 E 485 task sms-134 closed ended #d3f94608
+398171 E 486 media-state sms signed-out/not-ready/routable agent #2801612a
+398250 > signOut sms close ok #9b61ad43
+398250 E 487 task email-56 closed ended #962607e0
+398250 E 488 task email-159 closed ended #83055bc8
+398250 E 489 media-state chat signed-out/not-ready/routable system #dbb578d4
+398250 E 490 media-state sms signed-out/not-ready/routable system #b4a691b9
+398250 E 491 media-state social signed-out/not-ready/routable system #758033d0
+398250 E 492 media-state email signed-out/not-ready/routable system #1b2dfb6e
+398250 ! reset #9b61ad43
+398250 ! serverTasks #741638a5
+398250 ! serverState chat #f57f39f2
+398250 ! serverState sms #36c2cc7b
+398250 ! serverState social #4e0fa109
+398250 ! serverState email #ad1499e4
+398250 C offline
+398400 > connect closed offline: This backend is closed
+398400 C connecting
+398430 C online
+398550 > connect sized ok #9b61ad43
+398580 E 1 media-state chat signed-in/not-ready/routable sign-in #164bd4df
+398700 > signIn chat ok #9b61ad43
+398730 E 2 media-state chat signed-in/ready/routable agent #5c15052e
+398850 > setState chat ready ok #9b61ad43
+398850 E 3 task chat-1 offered offered #b2ea538f
+398850 E 4 message chat-1 m2 customer #928203c6
+398850 ! offer chat #a52c48b4
+398880 E 5 task chat-1 active accepted #8c5f826a
+399000 > accept chat-1 ok #9b61ad43
+399150 > loadHistory chat-1 ok #02080ef0
+399150 C offline
`
  .trim()
  .split('\n');
